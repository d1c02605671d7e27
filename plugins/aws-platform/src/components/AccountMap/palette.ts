import {
  AccountFlowType,
  AccountRole,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** How a flow type is drawn: a colour and a dash pattern, so lines differ without colour too. */
export interface FlowStyle {
  color: string;
  dash?: string;
}

/**
 * The map's colours in one theme. Role colours are written as text (the
 * role's name on each tile) and must read at 4.5:1 on the theme's paper;
 * line colours must stand out at 3:1 from the theme's backgrounds
 * (palette.test.ts checks both). The role's name is always written next to
 * its colour and each flow type has its own dash, so colour is never the
 * only cue.
 */
export interface MapPalette {
  roles: Record<AccountRole, string>;
  flows: Record<AccountFlowType, FlowStyle>;
  /** A flow the estate breaks (missing backup copy, drifting delegation). */
  broken: string;
  /** A line at rest standing for flows of several types. */
  mixed: string;
}

/** Dash patterns, the same in both themes. */
const DASHES: Record<AccountFlowType, string | undefined> = {
  'deploys-baseline': '8 4',
  'baseline-flow': '10 3 2 3',
  'deploys-to': undefined,
  'pulls-images-from': '3 3',
  'ships-cloudtrail-to': '12 4',
  'delegates-dns-to': '6 2 1 2',
  'copies-backups-to': '2 2',
  'governs-backup-policy': '1 4',
  'sends-metrics-to': '5 5',
  'assigns-permission-sets': '4 2 4 6',
  'delegates-admin': '1 2',
};

const withDashes = (
  colors: Record<AccountFlowType, string>,
): Record<AccountFlowType, FlowStyle> =>
  Object.fromEntries(
    Object.entries(colors).map(([type, color]) => [
      type,
      { color, dash: DASHES[type as AccountFlowType] },
    ]),
  ) as Record<AccountFlowType, FlowStyle>;

/** On Backstage's light theme: Material 700 to 900 shades. */
export const LIGHT_MAP_PALETTE: MapPalette = {
  roles: {
    management: '#5e35b1',
    'log-archive': '#6d4c41',
    audit: '#ad1457',
    identity: '#1565c0',
    operations: '#00796b',
    network: '#3949ab',
    backup: '#bf360c',
    production: '#2e7d32',
    sandbox: '#9e6a00',
    workload: '#546e7a',
  },
  flows: withDashes({
    'deploys-baseline': '#7b1fa2',
    'baseline-flow': '#00897b',
    'deploys-to': '#1565c0',
    'pulls-images-from': '#0097a7',
    'ships-cloudtrail-to': '#6d4c41',
    'delegates-dns-to': '#3949ab',
    'copies-backups-to': '#e65100',
    'governs-backup-policy': '#bf360c',
    'sends-metrics-to': '#827717',
    'assigns-permission-sets': '#1e88e5',
    'delegates-admin': '#5e35b1',
  }),
  broken: '#d32f2f',
  mixed: '#546e7a',
};

/** On Backstage's dark theme: the same hues, Material 100 to 300 tints. */
export const DARK_MAP_PALETTE: MapPalette = {
  roles: {
    management: '#d1c4e9',
    'log-archive': '#d7ccc8',
    audit: '#f8bbd0',
    identity: '#90caf9',
    operations: '#80cbc4',
    network: '#c5cae9',
    backup: '#ffab91',
    production: '#a5d6a7',
    sandbox: '#ffd54f',
    workload: '#b0bec5',
  },
  flows: withDashes({
    'deploys-baseline': '#ce93d8',
    'baseline-flow': '#4db6ac',
    'deploys-to': '#64b5f6',
    'pulls-images-from': '#4dd0e1',
    'ships-cloudtrail-to': '#bcaaa4',
    'delegates-dns-to': '#9fa8da',
    'copies-backups-to': '#ffb74d',
    'governs-backup-policy': '#ff8a65',
    'sends-metrics-to': '#dce775',
    'assigns-permission-sets': '#4fc3f7',
    'delegates-admin': '#b39ddb',
  }),
  broken: '#e57373',
  mixed: '#90a4ae',
};

/** The palette of a theme type (MUI's `palette.type`). */
export function mapPalette(themeType: 'light' | 'dark'): MapPalette {
  return themeType === 'dark' ? DARK_MAP_PALETTE : LIGHT_MAP_PALETTE;
}

import {
  AccountFlowType,
  AccountRole,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * Colour of each account role: distinct hues dark enough for white text and
 * for a 3:1 contrast as a border on light and dark backgrounds. The role's
 * name is always written next to its colour, so colour is never the only cue.
 */
export const ROLE_COLORS: Record<AccountRole, string> = {
  management: '#5e35b1',
  'log-archive': '#6d4c41',
  audit: '#ad1457',
  identity: '#1565c0',
  operations: '#00796b',
  network: '#3949ab',
  backup: '#d84315',
  production: '#2e7d32',
  sandbox: '#9e6a00',
  workload: '#546e7a',
};

/** How a flow type is drawn: a colour and a dash pattern, so lines differ without colour too. */
export interface FlowStyle {
  color: string;
  dash?: string;
}

/** The line style of each of the guide's flow types. */
export const FLOW_STYLES: Record<AccountFlowType, FlowStyle> = {
  'deploys-baseline': { color: '#7b1fa2', dash: '8 4' },
  'baseline-flow': { color: '#00897b', dash: '10 3 2 3' },
  'deploys-to': { color: '#1565c0' },
  'pulls-images-from': { color: '#0097a7', dash: '3 3' },
  'ships-cloudtrail-to': { color: '#6d4c41', dash: '12 4' },
  'delegates-dns-to': { color: '#3949ab', dash: '6 2 1 2' },
  'copies-backups-to': { color: '#ef6c00', dash: '2 2' },
  'governs-backup-policy': { color: '#bf360c', dash: '1 4' },
  'sends-metrics-to': { color: '#827717', dash: '5 5' },
  'assigns-permission-sets': { color: '#1e88e5', dash: '4 2 4 6' },
  'delegates-admin': { color: '#5e35b1', dash: '1 2' },
};

/** Colour of a flow the estate breaks (missing backup copy, drifting delegation). */
export const BROKEN_FLOW_COLOR = '#d32f2f';

/** Colour of a line at rest standing for flows of several types. */
export const MIXED_FLOW_COLOR = '#546e7a';

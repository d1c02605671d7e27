import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AccountFinding,
  ACCOUNT_ROLES,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { makeStyles } from '@material-ui/core/styles';
import BackupIcon from '@material-ui/icons/Backup';
import DnsIcon from '@material-ui/icons/Dns';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import PersonOutlineIcon from '@material-ui/icons/PersonOutline';
import UpdateIcon from '@material-ui/icons/Update';
import { FocusEvent, memo } from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { TileBox } from './model/mapLayout';
import { MapAccount } from './model/mapModel';
import { useMapPalette } from './useMapPalette';

const BADGE_ICONS: Record<AccountFinding, typeof DnsIcon> = {
  'no-owner-tag': PersonOutlineIcon,
  'delegation-drift': DnsIcon,
  'backup-not-covered': BackupIcon,
  'backup-coverage-unknown': HelpOutlineIcon,
  'eks-version-unsupported': UpdateIcon,
};

/** The tiles' styles, made once by the canvas for all its tiles. */
export const useTileStyles = makeStyles(theme => ({
  tile: {
    position: 'absolute',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'space-between',
    padding: theme.spacing(0.75, 1, 0.75, 1.75),
    borderRadius: 6,
    border: `1px solid ${theme.palette.divider}`,
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    textDecoration: 'none',
    overflow: 'hidden',
    transition: 'box-shadow 120ms',
    '&:hover': {
      textDecoration: 'none',
      boxShadow: theme.shadows[3],
    },
    '&:focus': {
      outline: `3px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  active: { boxShadow: theme.shadows[4] },
  focusTarget: {
    border: `2px solid ${theme.palette.primary.main}`,
    boxShadow: theme.shadows[6],
  },
  stripe: {
    position: 'absolute',
    left: 0,
    top: 0,
    bottom: 0,
    width: 6,
  },
  title: {
    flex: 1,
    minWidth: 0,
    fontWeight: 600,
    fontSize: '0.875rem',
    lineHeight: 1.25,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: 4,
    fontSize: '0.7rem',
    lineHeight: 1.3,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  role: { fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.3 },
  muted: {
    display: 'block',
    color: theme.palette.text.secondary,
    textOverflow: 'ellipsis',
  },
  mono: { fontFamily: 'monospace', color: theme.palette.text.secondary },
  status: { color: theme.palette.error.main, fontWeight: 700 },
  badges: { display: 'flex', gap: 2, flexShrink: 0 },
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: 18,
    height: 18,
    borderRadius: 9,
    background: theme.palette.warning.main,
    color: theme.palette.getContrastText(theme.palette.warning.main),
    '& svg': { fontSize: 13 },
  },
}));

/** The words of a tile, translated once per layout by the canvas. */
export interface AccountTileText {
  /** Everything a screen reader announces for the tile. */
  label: string;
  /** The name shown: the account's title without the map's shared prefix. */
  name: string;
  role: string;
  holds: string;
  /** A title per finding, for the badges' tooltips. */
  badges: string[];
}

/** Props of {@link AccountTile}. */
export interface AccountTileProps {
  account: MapAccount;
  box: TileBox;
  text: AccountTileText;
  href: string;
  domId: string;
  tabIndex: number;
  /** Selected: its flows are drawn on top and described in the panel. */
  active: boolean;
  /** The account the entity page is about. */
  focusTarget: boolean;
  classes: ReturnType<typeof useTileStyles>;
  onActivate(ref: string): void;
  onFocusItem(event: FocusEvent<HTMLElement>): void;
}

/**
 * The words of an account's tile; `namePrefix` (see commonNamePrefix) is
 * left out of the name shown, not of what a screen reader hears.
 */
export function useTileText(
  namePrefix: string,
): (account: MapAccount) => AccountTileText {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  return (account: MapAccount) => {
    const role = ACCOUNT_ROLES[account.role].title;
    const counts = account.summary && {
      clusters: String(account.summary.clusters),
      zones: String(account.summary.zones),
      vaults: String(account.summary.vaults),
    };
    const badges = account.findings.map(f => t(`accountMap.badges.${f}`));
    const label = [
      t('accountMap.tile.label', {
        title: account.title,
        role,
        accountId: account.accountId,
        owner: account.ownerName,
      }),
      account.inactiveStatus,
      account.summary
        ? t('accountMap.tile.holdsLabel', {
            clusters: t('accountMap.tile.clusters', {
              count: account.summary.clusters,
            }),
            zones: t('accountMap.tile.zones', { count: account.summary.zones }),
            vaults: t('accountMap.tile.vaults', {
              count: account.summary.vaults,
            }),
          })
        : t('accountMap.tile.notRead'),
      badges.length > 0 &&
        t('accountMap.tile.needsAttention', { findings: badges.join(', ') }),
    ]
      .filter(Boolean)
      .join('. ');
    return {
      label,
      name: account.title.slice(namePrefix.length),
      role,
      holds: counts
        ? t('accountMap.tile.holds', counts)
        : t('accountMap.tile.notRead'),
      badges,
    };
  };
}

/**
 * One account on the map: a link to its entity page with its role colour,
 * name, id, what runs in it and a badge per finding.
 */
export const AccountTile = memo(function AccountTileView(
  props: AccountTileProps,
) {
  const { account, box, text, classes } = props;
  const palette = useMapPalette();
  const className = [
    classes.tile,
    props.active && classes.active,
    props.focusTarget && classes.focusTarget,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Link
      to={props.href}
      id={props.domId}
      tabIndex={props.tabIndex}
      aria-label={text.label}
      className={className}
      style={{
        left: box.x,
        top: box.y,
        width: box.width,
        height: box.height,
      }}
      data-account-ref={account.ref}
      data-item={`a:${account.ref}`}
      onMouseEnter={() => props.onActivate(account.ref)}
      onFocus={(event: FocusEvent<HTMLElement>) => {
        props.onActivate(account.ref);
        props.onFocusItem(event);
      }}
    >
      <span
        className={classes.stripe}
        style={{ background: palette.roles[account.role] }}
      />
      <span className={classes.line}>
        <span className={classes.title} title={account.title}>
          {text.name}
        </span>
        {account.inactiveStatus && (
          <span className={classes.status}>{account.inactiveStatus}</span>
        )}
        <span className={classes.badges} aria-hidden="true">
          {account.findings.map((finding, i) => {
            const Icon = BADGE_ICONS[finding];
            return (
              <span
                key={finding}
                className={classes.badge}
                title={text.badges[i]}
              >
                <Icon />
              </span>
            );
          })}
        </span>
      </span>
      <span
        className={`${classes.line} ${classes.role}`}
        style={{ color: palette.roles[account.role] }}
      >
        {text.role}
      </span>
      <span className={`${classes.line} ${classes.mono}`}>
        {account.accountId}
      </span>
      <span className={`${classes.line} ${classes.muted}`}>{text.holds}</span>
    </Link>
  );
});

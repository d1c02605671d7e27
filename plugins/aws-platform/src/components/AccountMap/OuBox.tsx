import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ACCOUNT_ROLES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { alpha, makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import LaunchIcon from '@material-ui/icons/Launch';
import WarningIcon from '@material-ui/icons/Warning';
import { FocusEvent, memo } from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { GroupSummary } from './model/groupSummaries';
import { GroupBox, MAP_METRICS } from './model/mapLayout';
import { MapGroup } from './model/mapModel';
import { ouHeaderCount } from './model/ouHeaderCount';
import { useMapPalette } from './useMapPalette';

const useStyles = makeStyles(theme => ({
  box: {
    position: 'absolute',
    boxSizing: 'border-box',
    borderRadius: 8,
    border: `1px solid ${theme.palette.divider}`,
  },
  focusTarget: {
    border: `2px solid ${theme.palette.primary.main}`,
    boxShadow: `0 0 0 4px ${alpha(theme.palette.primary.main, 0.2)}`,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    height: MAP_METRICS.header,
    padding: theme.spacing(0, 0.5),
    gap: 2,
  },
  toggle: {
    display: 'flex',
    alignItems: 'center',
    flex: 1,
    minWidth: 0,
    height: 32,
    padding: theme.spacing(0, 0.5),
    border: 'none',
    borderRadius: 4,
    background: 'transparent',
    color: theme.palette.text.primary,
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    '&:hover': { background: theme.palette.action.hover },
    '&:focus': {
      outline: `3px solid ${theme.palette.primary.main}`,
      outlineOffset: 1,
    },
  },
  // The OU's name wins the room; the count gives way first (to its number
  // alone, see ouHeaderCount, so that it is not cut).
  name: {
    fontWeight: 700,
    fontSize: '0.875rem',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    flexShrink: 0,
    maxWidth: '75%',
  },
  count: {
    marginLeft: theme.spacing(1),
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    minWidth: 0,
  },
  open: {
    display: 'inline-flex',
    padding: 4,
    borderRadius: 4,
    color: theme.palette.text.secondary,
    '&:focus': {
      outline: `3px solid ${theme.palette.primary.main}`,
    },
  },
  body: {
    padding: theme.spacing(0, 1.5),
    fontSize: '0.75rem',
    lineHeight: 1.6,
    color: theme.palette.text.secondary,
  },
  bar: {
    display: 'flex',
    height: 8,
    borderRadius: 4,
    overflow: 'hidden',
    margin: theme.spacing(0.5, 0),
  },
  roles: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  attention: {
    display: 'flex',
    alignItems: 'center',
    gap: 4,
    color: theme.palette.text.primary,
    '& svg': { fontSize: 14, color: theme.palette.warning.main },
  },
}));

/** Props of {@link OuBox}. */
export interface OuBoxProps {
  group: MapGroup;
  box: GroupBox;
  summary: GroupSummary;
  href?: string;
  toggleId: string;
  linkId: string;
  toggleTabIndex: number;
  linkTabIndex: number;
  focusTarget: boolean;
  onToggle(groupId: string): void;
  onFocusItem(event: FocusEvent<HTMLElement>): void;
}

/**
 * An OU on the map: a box with a header that collapses or expands it and
 * links to its entity. Collapsed, it summarises what it holds: accounts by
 * role, clusters, zones and vaults, and how many accounts need attention.
 */
export const OuBox = memo(function OuBoxView(props: OuBoxProps) {
  const { group, box, summary } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const number = (n: number) => n.toLocaleString('en-US');
  const accounts = t('accountMap.group.accounts', {
    count: summary.accounts,
  });
  const shade = Math.min(box.depth, 3) * 0.025 + 0.02;
  const palette = useMapPalette();

  return (
    <div
      role="group"
      aria-label={`${group.title}, ${accounts}`}
      className={`${classes.box} ${
        props.focusTarget ? classes.focusTarget : ''
      }`}
      style={{
        left: box.x,
        top: box.y,
        width: box.width,
        height: box.height,
        background: `rgba(100, 116, 139, ${shade})`,
      }}
      data-ou={group.id}
    >
      <div className={classes.header}>
        <button
          type="button"
          id={props.toggleId}
          tabIndex={props.toggleTabIndex}
          className={classes.toggle}
          aria-expanded={!box.collapsed}
          title={t(
            box.collapsed
              ? 'accountMap.group.expand'
              : 'accountMap.group.collapse',
            { name: group.title },
          )}
          data-item={`g:${group.id}`}
          onClick={() => props.onToggle(group.id)}
          onFocus={props.onFocusItem}
        >
          {box.collapsed ? (
            <ChevronRightIcon fontSize="small" aria-hidden />
          ) : (
            <ExpandMoreIcon fontSize="small" aria-hidden />
          )}
          <span className={classes.name}>{group.title}</span>
          <span className={classes.count} title={accounts}>
            {ouHeaderCount(group.title, accounts, box.width) === 'phrase'
              ? accounts
              : number(summary.accounts)}
          </span>
        </button>
        {props.href && (
          <Link
            to={props.href}
            id={props.linkId}
            tabIndex={props.linkTabIndex}
            className={classes.open}
            aria-label={t('accountMap.group.open', { name: group.title })}
            title={t('accountMap.group.open', { name: group.title })}
            data-item={`o:${group.id}`}
            onFocus={props.onFocusItem}
          >
            <LaunchIcon fontSize="small" />
          </Link>
        )}
      </div>
      {box.collapsed && summary.accounts > 0 && (
        <div className={classes.body}>
          <div className={classes.bar} aria-hidden>
            {summary.roles.map(([role, count]) => (
              <span
                key={role}
                style={{ flex: count, background: palette.roles[role] }}
              />
            ))}
          </div>
          <div className={classes.roles}>
            {summary.roles
              .map(
                ([role, count]) =>
                  `${ACCOUNT_ROLES[role].title} ${number(count)}`,
              )
              .join(' · ')}
          </div>
          <div>
            {t('accountMap.group.holds', {
              clusters: number(summary.clusters),
              zones: number(summary.zones),
              vaults: number(summary.vaults),
            })}
          </div>
          {summary.attention > 0 && (
            <div className={classes.attention}>
              <WarningIcon aria-hidden />
              {t('accountMap.group.attention', { count: summary.attention })}
            </div>
          )}
        </div>
      )}
      {box.empty && (
        <div className={classes.body}>{t('accountMap.group.empty')}</div>
      )}
    </div>
  );
});

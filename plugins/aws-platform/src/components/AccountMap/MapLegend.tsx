import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AccountFlowType,
  AccountRole,
  ACCOUNT_ROLES,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useId } from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { FLOW_TYPES } from './model/mapFlows';
import { useMapPalette } from './useMapPalette';

const useStyles = makeStyles(theme => ({
  heading: {
    fontWeight: 700,
    fontSize: '0.75rem',
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    color: theme.palette.text.secondary,
    margin: theme.spacing(1.5, 0, 0.5),
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  role: {
    display: 'flex',
    alignItems: 'center',
    gap: 8,
    fontSize: '0.8rem',
    lineHeight: 1.8,
  },
  swatch: { width: 12, height: 12, borderRadius: 3, flexShrink: 0 },
  flow: { marginLeft: -6, marginRight: 0 },
  flowLabel: {
    display: 'flex',
    alignItems: 'center',
    gap: 6,
    fontSize: '0.8rem',
  },
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  note: {
    display: 'flex',
    alignItems: 'center',
    gap: 6,
    fontSize: '0.75rem',
    color: theme.palette.text.secondary,
    marginTop: theme.spacing(0.5),
  },
}));

/** A short sample of a flow line, as the map draws it. */
export function LineSample(props: { color: string; dash?: string }) {
  return (
    <svg width="34" height="10" aria-hidden="true" style={{ flexShrink: 0 }}>
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        stroke={props.color}
        strokeWidth="2"
        strokeDasharray={props.dash}
      />
      <path d="M26 1L33 5L26 9z" fill={props.color} />
    </svg>
  );
}

/**
 * The legend: role colours, and a checkbox per flow type that shows or
 * hides its lines.
 */
export function MapLegend(props: {
  roles: AccountRole[];
  types: ReadonlySet<AccountFlowType>;
  onTypesChange(types: ReadonlySet<AccountFlowType>): void;
  aggregated: boolean;
  /** The lines at rest in words, for screen readers (the lines are decoration). */
  lines?: string[];
}) {
  const classes = useStyles();
  const palette = useMapPalette();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const id = useId();
  const toggle = (type: AccountFlowType, on: boolean) => {
    const next = new Set(props.types);
    if (on) next.add(type);
    else next.delete(type);
    props.onTypesChange(next);
  };
  return (
    <section aria-labelledby={`${id}-legend`}>
      <Typography variant="h6" component="h2" id={`${id}-legend`}>
        {t('accountMap.legend.title')}
      </Typography>
      <h3 className={classes.heading}>{t('accountMap.legend.roles')}</h3>
      <ul className={classes.list}>
        {props.roles.map(role => (
          <li key={role} className={classes.role}>
            <span
              className={classes.swatch}
              style={{ background: palette.roles[role] }}
              aria-hidden="true"
            />
            {ACCOUNT_ROLES[role].title}
          </li>
        ))}
      </ul>
      <h3 className={classes.heading} id={`${id}-flows`}>
        {t('accountMap.legend.flows')}
      </h3>
      <div role="group" aria-labelledby={`${id}-flows`}>
        {FLOW_TYPES.map(type => (
          <div key={type}>
            <FormControlLabel
              className={classes.flow}
              control={
                <Checkbox
                  size="small"
                  color="primary"
                  checked={props.types.has(type)}
                  onChange={event => toggle(type, event.target.checked)}
                />
              }
              label={
                <span className={classes.flowLabel}>
                  <LineSample
                    color={palette.flows[type].color}
                    dash={palette.flows[type].dash}
                  />
                  {t(`accountMap.flows.${type}`)}
                </span>
              }
            />
          </div>
        ))}
      </div>
      <p className={classes.note}>
        <LineSample color={palette.broken} dash="2 2" />
        {t('accountMap.legend.broken')}
      </p>
      {props.aggregated && (
        <p className={classes.note} role="status">
          {t('accountMap.legend.aggregated')}
        </p>
      )}
      {props.lines && props.lines.length > 0 && (
        <ul
          className={classes.hidden}
          aria-label={t('accountMap.legend.lines')}
        >
          {props.lines.map((line, i) => (
            // The same words can describe two lines between like-named OUs.
            // eslint-disable-next-line react/no-array-index-key
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

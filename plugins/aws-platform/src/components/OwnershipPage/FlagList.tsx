import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  FlagSeverity,
  OwnershipFlag,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { awsPlatformTranslationRef } from '../../translation';
import { OwnershipText } from './useOwnershipText';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  // The reason goes under its chip: beside it, a long chip left the reason
  // a column one letter wide.
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: 2,
    marginBottom: theme.spacing(0.5),
  },
  reason: {
    fontSize: '0.8rem',
    color: theme.palette.text.secondary,
    // Entity refs have no spaces: they break inside rather than push the
    // column past the table's edge.
    overflowWrap: 'anywhere',
  },
  high: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
  },
  medium: {
    borderColor: theme.palette.warning.dark,
    color: theme.palette.warning.dark,
  },
  low: {},
}));

/**
 * An entity's flags, most urgent first: each its severity, its name and its
 * one-line reason, as a list so screen readers announce how many there are.
 */
export function FlagList(props: {
  flags: OwnershipFlag[];
  text: OwnershipText;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  if (props.flags.length === 0) return null;
  const severityClass = (severity: FlagSeverity) => classes[severity];
  return (
    <ul className={classes.list}>
      {props.flags.map(flag => (
        <li key={flag.kind} className={classes.item}>
          <Chip
            size="small"
            variant="outlined"
            className={severityClass(flag.severity)}
            label={`${t(
              `ownership.severities.${flag.severity}`,
            )}: ${props.text.flagLabel(flag)}`}
          />
          <span className={classes.reason}>{props.text.reasonOf(flag)}</span>
        </li>
      ))}
    </ul>
  );
}

import { Link } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import Grid, { GridSize } from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: { margin: 0 },
  label: {
    color: theme.palette.text.secondary,
    fontWeight: 'bold',
    letterSpacing: 0.5,
    lineHeight: 1.5,
    textTransform: 'uppercase',
    fontSize: '0.625rem',
  },
  value: {
    margin: 0,
    overflowWrap: 'anywhere',
  },
  section: {
    marginTop: theme.spacing(3),
    marginBottom: theme.spacing(1),
  },
}));

/** A definition list laid out as a grid of {@link Field}s. */
export function FieldGrid(props: { children: ReactNode }) {
  const classes = useStyles();
  return (
    <Grid container spacing={2} component="dl" className={classes.list}>
      {props.children}
    </Grid>
  );
}

/** One labelled value of a {@link FieldGrid}. */
export function Field(props: {
  label: string;
  children: ReactNode;
  /** Spans the whole row. */
  wide?: boolean;
}) {
  const classes = useStyles();
  const sm: GridSize = props.wide ? 12 : 6;
  const md: GridSize = props.wide ? 12 : 4;
  return (
    <Grid item xs={12} sm={sm} md={md}>
      <Typography component="dt" className={classes.label}>
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </Grid>
  );
}

/** A heading inside a card, above one of its sections. */
export function SectionTitle(props: { id?: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Typography
      id={props.id}
      variant="subtitle1"
      component="h3"
      className={classes.section}
    >
      {props.children}
    </Typography>
  );
}

/** The entity's links (the AWS console pages the backend wrote), one a line. */
export function EntityLinks(props: { entity: Entity; fallback: ReactNode }) {
  const links = props.entity.metadata.links ?? [];
  if (links.length === 0) return <>{props.fallback}</>;
  return (
    <>
      {links.map(link => (
        <div key={link.url}>
          <Link to={link.url} externalLinkIcon>
            {link.title ?? link.url}
          </Link>
        </div>
      ))}
    </>
  );
}

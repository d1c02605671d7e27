import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ACCOUNT_ROLES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { Fragment } from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { WarningChips } from '../shared/WarningChips';
import { LineSample } from './MapLegend';
import { AccountFlowList } from './model/mapFlows';
import { MapAccount } from './model/mapModel';
import { useMapPalette } from './useMapPalette';

// Peers named before "and N more".
const PEERS_SHOWN = 4;

const useStyles = makeStyles(theme => ({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: theme.spacing(0.25, 1.5),
    margin: theme.spacing(1, 0),
    fontSize: '0.8rem',
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  heading: {
    fontWeight: 700,
    fontSize: '0.75rem',
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    color: theme.palette.text.secondary,
    margin: theme.spacing(1.5, 0, 0.5),
  },
  flows: { listStyle: 'none', margin: 0, padding: 0, fontSize: '0.8rem' },
  flow: { display: 'flex', gap: 6, alignItems: 'baseline', lineHeight: 1.5 },
  hint: { color: theme.palette.text.secondary, fontSize: '0.8rem' },
}));

/**
 * What the selected account is and its flows in words: the text
 * alternative to the lines of its tile.
 */
export function AccountDetails(props: {
  account?: MapAccount;
  ouTitle?: string;
  flows: AccountFlowList[];
  hrefOf(ref: string): string;
}) {
  const classes = useStyles();
  const palette = useMapPalette();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { account } = props;
  if (!account) {
    return (
      <section aria-label={t('accountMap.details.title')}>
        <Typography variant="h6" component="h2">
          {t('accountMap.details.title')}
        </Typography>
        <p className={classes.hint}>{t('accountMap.details.hint')}</p>
      </section>
    );
  }

  const peers = (list: AccountFlowList) => {
    const shown = list.peers.slice(0, PEERS_SHOWN).map((peer, i) => (
      <Fragment key={peer.ref}>
        {i > 0 && ', '}
        <Link to={props.hrefOf(peer.ref)}>{peer.title}</Link>
      </Fragment>
    ));
    const rest = list.peers.length - PEERS_SHOWN;
    return rest > 0 ? (
      <>
        {shown} {t('accountMap.details.more', { rest })}
      </>
    ) : (
      shown
    );
  };
  const section = (direction: 'out' | 'in') => {
    const lists = props.flows.filter(f => f.direction === direction);
    return (
      <>
        <h3 className={classes.heading}>
          {t(
            direction === 'out'
              ? 'accountMap.details.outgoing'
              : 'accountMap.details.incoming',
          )}
        </h3>
        {lists.length === 0 ? (
          <p className={classes.hint}>{t('accountMap.details.noFlows')}</p>
        ) : (
          <ul className={classes.flows}>
            {lists.map(list => (
              <li key={list.type} className={classes.flow}>
                <LineSample
                  color={
                    list.broken > 0
                      ? palette.broken
                      : palette.flows[list.type].color
                  }
                  dash={palette.flows[list.type].dash}
                />
                <span>
                  <strong>{t(`accountMap.flows.${list.type}`)}</strong>{' '}
                  {direction === 'out'
                    ? t('accountMap.details.to')
                    : t('accountMap.details.from')}{' '}
                  {peers(list)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </>
    );
  };

  const role = ACCOUNT_ROLES[account.role];
  return (
    <section aria-label={t('accountMap.details.title')}>
      <Typography variant="h6" component="h2">
        <Link to={props.hrefOf(account.ref)}>{account.title}</Link>
      </Typography>
      <dl className={classes.fields}>
        <dt>{t('accountMap.details.role')}</dt>
        <dd style={{ color: palette.roles[account.role], fontWeight: 700 }}>
          {role.title}
        </dd>
        <dt>{t('accountMap.details.ou')}</dt>
        <dd>{props.ouTitle ?? account.groupId}</dd>
        <dt>{t('accountMap.details.owner')}</dt>
        <dd>
          {account.owner ? (
            <Link to={props.hrefOf(account.owner)}>{account.ownerName}</Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('accountMap.details.holds')}</dt>
        <dd>
          {account.summary
            ? t('accountMap.tile.holds', {
                clusters: String(account.summary.clusters),
                zones: String(account.summary.zones),
                vaults: String(account.summary.vaults),
              })
            : t('accountMap.tile.notRead')}
        </dd>
      </dl>
      <h3 className={classes.heading}>{t('accountMap.details.findings')}</h3>
      {account.findings.length > 0 ? (
        <WarningChips
          labels={account.findings.map(f => t(`accountMap.badges.${f}`))}
          ariaLabel={t('accountMap.details.findings')}
        />
      ) : (
        <p className={classes.hint}>{t('accountMap.details.nothing')}</p>
      )}
      {section('out')}
      {section('in')}
    </section>
  );
}

import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  ClusterSpec,
  clusterSpecOf,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { awsPlatformTranslationRef } from '../../translation';
import { EntityLinks, Field, FieldGrid, SectionTitle } from '../shared/Fields';
import { MissingSpec } from '../shared/MissingSpec';
import { LiveClusterSection } from './LiveClusterSection';
import { NO_WRAP } from '../shared/noWrap';
import { nodegroupSize } from './nodegroupSize';

/**
 * The card of an EKS cluster entity: Kubernetes version and where it stands
 * in EKS's support calendar, Flightdeck, node groups and add-ons as the
 * catalog last ingested them, and their live status read from AWS.
 * @public
 */
export function EksClusterCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const cluster = clusterSpecOf(entity);
  if (!cluster) {
    return (
      <MissingSpec
        title={t('clusterCard.title')}
        description={t('clusterCard.missing')}
      />
    );
  }
  const support = cluster.versionSupport;

  return (
    <InfoCard
      title={t('clusterCard.title')}
      subheader={[cluster.name, cluster.region].filter(Boolean).join(' · ')}
    >
      <FieldGrid>
        <Field label={t('clusterCard.fields.version')}>
          {cluster.version ?? '—'}{' '}
          <Chip
            size="small"
            color={support.status === 'unsupported' ? 'secondary' : 'default'}
            variant={support.status === 'standard' ? 'default' : 'outlined'}
            label={t(`clusterCard.support.${support.status}`)}
          />
        </Field>
        <Field label={t('clusterCard.fields.endOfStandardSupport')}>
          {support.endOfStandardSupport ?? '—'}
        </Field>
        <Field label={t('clusterCard.fields.endOfExtendedSupport')}>
          {support.endOfExtendedSupport ?? '—'}
        </Field>
        <Field label={t('clusterCard.fields.platformVersion')}>
          {cluster.platformVersion ?? '—'}
        </Field>
        <Field label={t('clusterCard.fields.status')}>
          {cluster.status ?? '—'}
        </Field>
        <Field label={t('clusterCard.fields.flightdeck')}>
          <FlightdeckValue cluster={cluster} />
        </Field>
        <Field label={t('clusterCard.fields.console')} wide>
          <EntityLinks entity={entity} fallback="—" />
        </Field>
      </FieldGrid>

      {support.status === 'unsupported' && (
        <WarningPanel
          severity="error"
          defaultExpanded
          title={t('clusterCard.pastSupport.title', {
            version: cluster.version ?? '',
          })}
        >
          <Typography variant="body2">
            {support.endOfExtendedSupport
              ? t('clusterCard.pastSupport.since', {
                  date: support.endOfExtendedSupport,
                })
              : t('clusterCard.pastSupport.undated')}
          </Typography>
        </WarningPanel>
      )}
      {support.status === 'extended' && (
        <WarningPanel
          severity="warning"
          defaultExpanded
          title={t('clusterCard.extendedSupport.title', {
            version: cluster.version ?? '',
          })}
        >
          <Typography variant="body2">
            {t('clusterCard.extendedSupport.until', {
              date: support.endOfExtendedSupport ?? '?',
            })}
          </Typography>
        </WarningPanel>
      )}

      <SectionTitle id="aws-platform-eks-nodegroups">
        {t('clusterCard.nodegroups.title')}
      </SectionTitle>
      {cluster.nodegroups.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('clusterCard.nodegroups.none')}
        </Typography>
      ) : (
        <Table size="small" aria-labelledby="aws-platform-eks-nodegroups">
          <TableHead>
            <TableRow>
              <TableCell>{t('clusterCard.nodegroups.name')}</TableCell>
              <TableCell>{t('clusterCard.nodegroups.instanceTypes')}</TableCell>
              <TableCell style={NO_WRAP}>
                {t('clusterCard.nodegroups.size')}
              </TableCell>
              <TableCell style={NO_WRAP}>
                {t('clusterCard.nodegroups.version')}
              </TableCell>
              <TableCell style={NO_WRAP}>
                {t('clusterCard.nodegroups.status')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {cluster.nodegroups.map(group => (
              <TableRow key={group.name}>
                <TableCell>{group.name}</TableCell>
                <TableCell>{group.instanceTypes.join(', ') || '—'}</TableCell>
                <TableCell style={NO_WRAP}>{nodegroupSize(group)}</TableCell>
                <TableCell style={NO_WRAP}>{group.version ?? '—'}</TableCell>
                <TableCell style={NO_WRAP}>{group.status ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <SectionTitle id="aws-platform-eks-addons">
        {t('clusterCard.addons.title')}
      </SectionTitle>
      <AddonList cluster={cluster} />

      <LiveClusterSection entityRef={stringifyEntityRef(entity)} />
    </InfoCard>
  );
}

function FlightdeckValue(props: { cluster: ClusterSpec }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const flightdeck = props.cluster.flightdeck;
  if (!flightdeck) return <>{t('clusterCard.flightdeck.unknown')}</>;
  if (!flightdeck.detected) return <>{t('clusterCard.flightdeck.no')}</>;
  if (flightdeck.stage && flightdeck.generation !== undefined) {
    return (
      <>
        {t('clusterCard.flightdeck.stage', {
          stage: flightdeck.stage,
          generation: String(flightdeck.generation),
        })}
      </>
    );
  }
  return <>{t('clusterCard.flightdeck.yes')}</>;
}

function AddonList(props: { cluster: ClusterSpec }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const addons = props.cluster.addons;
  if (!addons) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('clusterCard.addons.unknown')}
      </Typography>
    );
  }
  if (addons.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('clusterCard.addons.none')}
      </Typography>
    );
  }
  return (
    <ul
      aria-labelledby="aws-platform-eks-addons"
      style={{ margin: 0, paddingLeft: 16 }}
    >
      {addons.map(addon => (
        <li key={addon.name}>
          <Typography variant="body2" component="span">
            {[addon.name, addon.version, addon.status && `(${addon.status})`]
              .filter(Boolean)
              .join(' ')}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { Alert, Box, Flex, Grid, Link, Skeleton, Text } from '@backstage/ui';
import type {
  DelegationStatus,
  VersionSupportStatus,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { awsPlatformTranslationRef } from '../../translation';
import { LastRecoveryPoint } from './LastRecoveryPoint';
import { loadServiceStages } from './loadServiceStages';
import { ServiceStage, StageBackup } from './serviceStages';

type TextColor = 'primary' | 'secondary' | 'danger' | 'warning' | 'success';

const SUPPORT_COLOR: Record<VersionSupportStatus, TextColor> = {
  standard: 'success',
  extended: 'warning',
  unsupported: 'danger',
  unknown: 'secondary',
};

const DELEGATION_COLOR: Record<DelegationStatus, TextColor> = {
  'in-sync': 'success',
  drift: 'danger',
  'not-delegated': 'danger',
  'no-parent': 'secondary',
  unknown: 'secondary',
};

const BACKUP_COLOR: Record<StageBackup['state'], TextColor> = {
  copied: 'primary',
  'copied-elsewhere': 'warning',
  'not-copied': 'warning',
  'no-selection': 'warning',
  none: 'warning',
  unknown: 'secondary',
};

/** One labelled value of a stage (a `dt` and its `dd`). */
function StageField(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>
        <Text variant="body-small" color="secondary" weight="bold">
          {props.label}
        </Text>
      </dt>
      <dd style={{ margin: 0 }}>{props.children}</dd>
    </div>
  );
}

function AccountValue(props: { stage: ServiceStage }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { account, accountId } = props.stage;
  if (!account) {
    return (
      <Text variant="body-medium">
        {t('serviceCard.accountNotInCatalog', { accountId: accountId ?? '' })}
      </Text>
    );
  }
  return (
    <Text variant="body-medium">
      <EntityRefLink
        entityRef={account.entityRef}
        title={t('serviceCard.account', {
          title: account.title,
          accountId: accountId ?? '',
        })}
      />
      {account.owner && (
        <>
          {', '}
          {t('serviceCard.accountOwner')}{' '}
          <EntityRefLink entityRef={account.owner} defaultKind="group" />
        </>
      )}
    </Text>
  );
}

function ClusterValue(props: { stage: ServiceStage }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { clusters } = props.stage;
  if (clusters.length === 0) {
    return (
      <Text variant="body-medium" color="secondary">
        {t('serviceCard.noCluster')}
      </Text>
    );
  }
  return (
    <>
      {clusters.map(cluster => {
        const support = cluster.spec?.versionSupport.status ?? 'unknown';
        return (
          <Text as="div" variant="body-medium" key={cluster.entityRef}>
            <EntityRefLink
              entityRef={cluster.entityRef}
              title={cluster.title}
            />
            {' · '}
            {cluster.spec?.version
              ? t('serviceCard.clusterVersion', {
                  version: cluster.spec.version,
                })
              : t('serviceCard.clusterNoVersion')}
            {' · '}
            <Text
              variant="body-medium"
              weight="bold"
              color={SUPPORT_COLOR[support]}
            >
              {t(`clusterCard.support.${support}`)}
            </Text>
          </Text>
        );
      })}
    </>
  );
}

function HostValue(props: { stage: ServiceStage }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { hosts, zones } = props.stage;
  if (hosts.length === 0) {
    return (
      <Text variant="body-medium" color="secondary">
        {zones.length
          ? t('serviceCard.noHost', {
              zones: zones
                .map(zone => zone.spec?.name ?? zone.title)
                .join(', '),
            })
          : '—'}
      </Text>
    );
  }
  return (
    <>
      {hosts.map(host => (
        <Text as="div" variant="body-medium" key={host.url}>
          <Link href={host.url} target="_blank" rel="noopener noreferrer">
            {host.host}
          </Link>
        </Text>
      ))}
    </>
  );
}

function ZoneValue(props: { stage: ServiceStage }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { zones } = props.stage;
  if (zones.length === 0) {
    return (
      <Text variant="body-medium" color="secondary">
        {t('serviceCard.noZone')}
      </Text>
    );
  }
  return (
    <>
      {zones.map(zone => {
        const status = zone.spec?.delegation.status ?? 'unknown';
        const parent =
          zone.spec?.delegation.parentZoneName ?? t('zoneCard.theParentZone');
        const explanation =
          status === 'not-delegated' && zone.spec?.private
            ? t('serviceCard.delegation.not-delegated-private')
            : t(`serviceCard.delegation.${status}`, { parent });
        return (
          <div key={zone.entityRef}>
            <Text as="div" variant="body-medium">
              <EntityRefLink entityRef={zone.entityRef} title={zone.title} />
              {' · '}
              <Text
                variant="body-medium"
                weight="bold"
                color={DELEGATION_COLOR[status]}
              >
                {t(`zoneCard.status.${status}`)}
              </Text>
            </Text>
            <Text as="div" variant="body-small" color="secondary">
              {explanation}
            </Text>
          </div>
        );
      })}
    </>
  );
}

function BackupValue(props: { stage: ServiceStage }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { backup, recoveryPoints } = props.stage;
  const color = BACKUP_COLOR[backup.state];
  if (
    backup.state === 'none' ||
    backup.state === 'no-selection' ||
    backup.state === 'unknown'
  ) {
    return (
      <Text variant="body-medium" color={color}>
        {t(`serviceCard.backup.${backup.state}`)}
      </Text>
    );
  }
  const backedUp = backup.frequency
    ? t('serviceCard.backup.backedUp', {
        frequency: t(`serviceCard.frequency.${backup.frequency}`),
      })
    : t('serviceCard.backup.backedUpNoFrequency');
  const copies = t(`serviceCard.backup.${backup.state}`, {
    accounts:
      backup.state === 'copied-elsewhere' ? backup.accountIds.join(', ') : '',
  });
  return (
    <>
      <Text as="div" variant="body-medium" color={color}>
        {backedUp}, {copies}
        {recoveryPoints && <LastRecoveryPoint source={recoveryPoints} />}
      </Text>
      {backup.selectionsUnknown && (
        <Text as="div" variant="body-small" color="secondary">
          {t('serviceCard.backup.selectionsUnknown')}
        </Text>
      )}
    </>
  );
}

function StageSection(props: { stage: ServiceStage }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { stage } = props;
  return (
    <Box
      as="section"
      aria-label={t('serviceCard.stage', { name: stage.name })}
      data-stage={stage.key}
    >
      <Text as="h4" variant="title-x-small" weight="bold">
        {stage.name}
      </Text>
      <Box as="dl" mt="2" mb="0">
        <Flex direction="column" gap="2">
          <StageField label={t('serviceCard.fields.account')}>
            <AccountValue stage={stage} />
          </StageField>
          <StageField label={t('serviceCard.fields.cluster')}>
            <ClusterValue stage={stage} />
          </StageField>
          <StageField label={t('serviceCard.fields.host')}>
            <HostValue stage={stage} />
          </StageField>
          <StageField label={t('serviceCard.fields.zone')}>
            <ZoneValue stage={stage} />
          </StageField>
          <StageField label={t('serviceCard.fields.backup')}>
            <BackupValue stage={stage} />
          </StageField>
        </Flex>
      </Box>
    </Box>
  );
}

/**
 * The AWS card of a service (a `Component` that depends on the suite's
 * entities, as the New Flightdeck workload template writes it): per stage,
 * i.e. per AWS account it depends on, the account with its id and owner,
 * the EKS cluster with its Kubernetes version and support, the hosts and
 * their zone's delegation, and the backups in one line; and the
 * component's owner. Shows nothing when none of the component's
 * dependencies is the suite's.
 * @public
 */
export function AwsServiceCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const title = t('serviceCard.title');
  const { value, loading, error } = useAsync(
    () => loadServiceStages(catalogApi, entity),
    [catalogApi, entity],
  );

  if (loading) {
    return (
      <EntityInfoCard title={title}>
        <Flex
          direction="column"
          gap="2"
          role="progressbar"
          aria-label={t('serviceCard.loading')}
        >
          <Skeleton width="60%" height={16} />
          <Skeleton width="100%" height={96} />
        </Flex>
      </EntityInfoCard>
    );
  }
  if (error) {
    return (
      <EntityInfoCard title={title}>
        <Alert status="danger" icon title={error.message} role="alert" />
      </EntityInfoCard>
    );
  }
  if (!value || (value.stages.length === 0 && value.missing.length === 0)) {
    return null;
  }

  const { stages, missing } = value;
  const owner =
    typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
  const clusters = stages.reduce((n, stage) => n + stage.clusters.length, 0);
  const zones = stages.reduce((n, stage) => n + stage.zones.length, 0);

  return (
    <EntityInfoCard title={title}>
      <Flex direction="column" gap="4">
        <Flex justify="between" align="baseline" style={{ flexWrap: 'wrap' }}>
          <Text variant="body-medium" color="secondary">
            {t('serviceCard.summary', {
              stages: t('serviceCard.stages', { count: stages.length }),
              clusters: t('serviceCard.clusters', { count: clusters }),
              zones: t('serviceCard.zones', { count: zones }),
            })}
          </Text>
          {owner && (
            <Text variant="body-medium">
              {t('serviceCard.owner')}:{' '}
              <EntityRefLink entityRef={owner} defaultKind="group" />
            </Text>
          )}
        </Flex>
        {stages.length > 0 && (
          <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
            {stages.map(stage => (
              <StageSection key={stage.key} stage={stage} />
            ))}
          </Grid.Root>
        )}
        {missing.length > 0 && (
          <Alert
            status="warning"
            icon
            title={t('serviceCard.missing', { count: missing.length })}
            description={
              <>
                {t('serviceCard.missingDescription')}
                <ul aria-label={t('serviceCard.missingLabel')}>
                  {missing.map(ref => (
                    <li key={ref}>
                      <code>{ref}</code>
                    </li>
                  ))}
                </ul>
              </>
            }
          />
        )}
      </Flex>
    </EntityInfoCard>
  );
}

import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AWS_ARN,
  AWS_ENTITY_TYPES,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  BackupRuleSpec,
  BackupSelectionSpec,
  LifecycleSpec,
  parseVaultArn,
  PlanSpec,
  planSpecOf,
  VaultSpec,
  vaultSpecOf,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { isoDay } from '../../lib/isoDay';
import { awsPlatformTranslationRef } from '../../translation';
import { EntityLinks, Field, FieldGrid, SectionTitle } from '../shared/Fields';
import { MissingSpec } from '../shared/MissingSpec';
import { LiveBackupSection } from './LiveBackupSection';
import { localVaultArn, VaultLink, vaultLinksByArn } from './vaultLinks';

function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef)
    .sort();
}

function RefList(props: { label: string; refs: string[]; empty: string }) {
  if (props.refs.length === 0) return <>{props.empty}</>;
  return (
    <ul aria-label={props.label} style={{ margin: 0, paddingLeft: 16 }}>
      {props.refs.map(ref => (
        <li key={ref}>
          <EntityRefLink entityRef={ref} />
        </li>
      ))}
    </ul>
  );
}

/** The card's texts that depend on several values. */
function useBackupTexts() {
  const { t } = useTranslationRef(awsPlatformTranslationRef);

  const lifecycleText = (lifecycle: LifecycleSpec | undefined): string => {
    if (!lifecycle) return t('backupCard.lifecycle.forever');
    const parts: string[] = [];
    if (lifecycle.coldAfterDays !== undefined) {
      parts.push(
        t('backupCard.lifecycle.cold', {
          days: String(lifecycle.coldAfterDays),
        }),
      );
    }
    parts.push(
      lifecycle.deleteAfterDays !== undefined
        ? t('backupCard.lifecycle.delete', {
            days: String(lifecycle.deleteAfterDays),
          })
        : t('backupCard.lifecycle.forever'),
    );
    return parts.join(', ');
  };

  const retentionText = (vault: VaultSpec): string => {
    const { minRetentionDays: min, maxRetentionDays: max } = vault;
    if (min !== undefined && max !== undefined) {
      return t('backupCard.retention.range', {
        min: String(min),
        max: String(max),
      });
    }
    if (min !== undefined) {
      return t('backupCard.retention.min', { min: String(min) });
    }
    if (max !== undefined) {
      return t('backupCard.retention.max', { max: String(max) });
    }
    return t('backupCard.retention.none');
  };

  const vaultTypeText = (vaultType: string | undefined): string => {
    if (vaultType === 'BACKUP_VAULT') return t('backupCard.vaultType.standard');
    if (vaultType === 'LOGICALLY_AIR_GAPPED_BACKUP_VAULT') {
      return t('backupCard.vaultType.airGapped');
    }
    return vaultType ?? '—';
  };

  const lockText = (locked: boolean | undefined): string => {
    if (locked === true) return t('backupCard.lock.locked');
    if (locked === false) return t('backupCard.lock.unlocked');
    return t('backupCard.lock.unknown');
  };

  return { t, lifecycleText, retentionText, vaultTypeText, lockText };
}

/**
 * The card of an AWS Backup vault or plan entity. A vault shows its lock,
 * retention, recovery points and key; a plan its rules, where it copies to
 * and what it selects. Both show their recent jobs, copy jobs and (vaults)
 * recovery points, read from AWS on request.
 * @public
 */
export function BackupCard() {
  const { entity } = useEntity();
  return entity.spec?.type === AWS_ENTITY_TYPES.backupPlan ? (
    <BackupPlanView entity={entity} />
  ) : (
    <BackupVaultView entity={entity} />
  );
}

function BackupVaultView(props: { entity: Entity }) {
  const { entity } = props;
  const { t, retentionText, vaultTypeText, lockText } = useBackupTexts();
  const vault = vaultSpecOf(entity);
  if (!vault) {
    return (
      <MissingSpec
        title={t('backupCard.vaultTitle')}
        description={t('backupCard.vaultMissing')}
      />
    );
  }

  return (
    <InfoCard
      title={t('backupCard.vaultTitle')}
      subheader={[vault.name, vault.region].filter(Boolean).join(' · ')}
    >
      <FieldGrid>
        <Field label={t('backupCard.fields.vaultType')}>
          {vaultTypeText(vault.vaultType)}
        </Field>
        <Field label={t('backupCard.fields.lock')}>
          <Chip
            size="small"
            variant={vault.locked ? 'default' : 'outlined'}
            label={lockText(vault.locked)}
          />
        </Field>
        <Field label={t('backupCard.fields.retention')}>
          {retentionText(vault)}
        </Field>
        <Field label={t('backupCard.fields.recoveryPoints')}>
          {vault.recoveryPoints ?? '—'}
        </Field>
        <Field label={t('backupCard.fields.created')}>
          {isoDay(vault.createdAt) ?? '—'}
        </Field>
        <Field label={t('backupCard.fields.region')}>
          {vault.region ?? '—'}
        </Field>
        <Field label={t('backupCard.fields.encryptionKey')} wide>
          {vault.encryptionKeyArn ? (
            <Typography variant="body2" component="code">
              {vault.encryptionKeyArn}
            </Typography>
          ) : (
            '—'
          )}
        </Field>
        <Field label={t('backupCard.fields.writtenBy')} wide>
          <RefList
            label={t('backupCard.fields.writtenBy')}
            refs={relationTargets(entity, RELATION_DEPENDENCY_OF)}
            empty={t('backupCard.noPlans')}
          />
        </Field>
        <Field label={t('backupCard.fields.console')} wide>
          <EntityLinks entity={entity} fallback="—" />
        </Field>
      </FieldGrid>

      <LiveBackupSection entityRef={stringifyEntityRef(entity)} />
    </InfoCard>
  );
}

function VaultTarget(props: {
  arn: string | undefined;
  fallbackName?: string;
  links: Map<string, VaultLink>;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { arn, links } = props;
  const link = arn ? links.get(arn) : undefined;
  if (link) {
    return <EntityRefLink entityRef={link.entityRef} title={link.title} />;
  }
  const parsed = arn ? parseVaultArn(arn) : undefined;
  if (parsed) {
    return (
      <span title={arn}>
        {t('backupCard.vaultElsewhere', {
          name: parsed.name,
          accountId: parsed.accountId,
          region: parsed.region,
        })}
      </span>
    );
  }
  return <>{arn ?? props.fallbackName ?? '—'}</>;
}

function RuleRow(props: {
  rule: BackupRuleSpec;
  planArn?: string;
  links: Map<string, VaultLink>;
}) {
  const { t, lifecycleText } = useBackupTexts();
  const { rule, links } = props;
  const windows = [
    rule.startWindowMinutes !== undefined &&
      t('backupCard.rules.startWindow', {
        minutes: String(rule.startWindowMinutes),
      }),
    rule.completionWindowMinutes !== undefined &&
      t('backupCard.rules.completionWindow', {
        minutes: String(rule.completionWindowMinutes),
      }),
  ].filter(Boolean);
  const copies = [
    ...(rule.targetAirGappedVaultArn
      ? [
          {
            destinationVaultArn: rule.targetAirGappedVaultArn,
            lifecycle: undefined,
          },
        ]
      : []),
    ...rule.copyActions,
  ];
  return (
    <TableRow>
      <TableCell>{rule.name || '—'}</TableCell>
      <TableCell>
        {rule.schedule ? (
          <Typography variant="body2" component="code">
            {rule.schedule}
          </Typography>
        ) : (
          t('backupCard.rules.onDemand')
        )}
        {rule.scheduleTimezone && (
          <Typography variant="caption" component="div" color="textSecondary">
            {rule.scheduleTimezone}
          </Typography>
        )}
      </TableCell>
      <TableCell>{windows.length ? windows.join(', ') : '—'}</TableCell>
      <TableCell>{lifecycleText(rule.lifecycle)}</TableCell>
      <TableCell>
        <VaultTarget
          arn={localVaultArn(props.planArn, rule.targetVaultName)}
          fallbackName={rule.targetVaultName}
          links={links}
        />
      </TableCell>
      <TableCell>
        {copies.length === 0 ? (
          t('backupCard.rules.noCopy')
        ) : (
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {copies.map(copy => (
              <li key={copy.destinationVaultArn}>
                <VaultTarget arn={copy.destinationVaultArn} links={links} />
                {copy.lifecycle && (
                  <Typography
                    variant="caption"
                    component="div"
                    color="textSecondary"
                  >
                    {lifecycleText(copy.lifecycle)}
                  </Typography>
                )}
              </li>
            ))}
          </ul>
        )}
      </TableCell>
    </TableRow>
  );
}

function SelectionList(props: {
  selections: BackupSelectionSpec[] | undefined;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { selections } = props;
  if (!selections) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('backupCard.selections.unknown')}
      </Typography>
    );
  }
  if (selections.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('backupCard.selections.none')}
      </Typography>
    );
  }
  return (
    <ul
      aria-labelledby="aws-platform-backup-selections"
      style={{ margin: 0, paddingLeft: 16 }}
    >
      {selections.map(selection => (
        <li key={selection.name}>
          <Typography variant="body2" component="div">
            <strong>{selection.name || '—'}</strong>
          </Typography>
          {selection.tagConditions.map(condition => (
            <Typography
              key={`${condition.key}=${condition.value}`}
              variant="body2"
              component="div"
            >
              {t('backupCard.selections.tag', {
                key: condition.key,
                operator: condition.operator ?? '=',
                value: condition.value,
              })}
            </Typography>
          ))}
          {selection.resources.length > 0 && (
            <Typography variant="body2" component="div">
              {t('backupCard.selections.resources', {
                resources: selection.resources.join(', '),
              })}
            </Typography>
          )}
          {selection.notResources.length > 0 && (
            <Typography variant="body2" component="div">
              {t('backupCard.selections.notResources', {
                resources: selection.notResources.join(', '),
              })}
            </Typography>
          )}
        </li>
      ))}
    </ul>
  );
}

function BackupPlanView(props: { entity: Entity }) {
  const { entity } = props;
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const plan: PlanSpec | undefined = planSpecOf(entity);
  const vaultRefs = relationTargets(entity, RELATION_DEPENDS_ON);
  const vaultRefsKey = vaultRefs.join(',');

  // The vaults the plan writes to, to link rule targets (names and ARNs) to
  // their entities.
  const {
    value: links,
    loading,
    error,
  } = useAsync(async () => {
    const entityRefs = vaultRefsKey ? vaultRefsKey.split(',') : [];
    if (entityRefs.length === 0) return new Map<string, VaultLink>();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs,
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'metadata.annotations',
      ],
    });
    return vaultLinksByArn(items);
  }, [catalogApi, vaultRefsKey]);

  if (!plan) {
    return (
      <MissingSpec
        title={t('backupCard.planTitle')}
        description={t('backupCard.planMissing')}
      />
    );
  }
  const planArn = entity.metadata.annotations?.[ANNOTATION_AWS_ARN];

  return (
    <InfoCard
      title={t('backupCard.planTitle')}
      subheader={[plan.name, plan.region].filter(Boolean).join(' · ')}
    >
      <FieldGrid>
        <Field label={t('backupCard.fields.planId')}>{plan.id ?? '—'}</Field>
        <Field label={t('backupCard.fields.region')}>
          {plan.region ?? '—'}
        </Field>
        <Field label={t('backupCard.fields.copiesToAccounts')}>
          {plan.copiesToAccounts.length
            ? plan.copiesToAccounts.join(', ')
            : t('backupCard.noCrossAccountCopy')}
        </Field>
        <Field label={t('backupCard.fields.writesTo')} wide>
          <RefList
            label={t('backupCard.fields.writesTo')}
            refs={vaultRefs}
            empty="—"
          />
        </Field>
        <Field label={t('backupCard.fields.console')} wide>
          <EntityLinks entity={entity} fallback="—" />
        </Field>
      </FieldGrid>

      <SectionTitle id="aws-platform-backup-rules">
        {t('backupCard.rules.title')}
      </SectionTitle>
      {loading && <Progress aria-label={t('backupCard.loadingVaults')} />}
      {error && <ResponseErrorPanel error={error} />}
      {plan.rules.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('backupCard.rules.none')}
        </Typography>
      ) : (
        <Table size="small" aria-labelledby="aws-platform-backup-rules">
          <TableHead>
            <TableRow>
              <TableCell>{t('backupCard.rules.name')}</TableCell>
              <TableCell>{t('backupCard.rules.schedule')}</TableCell>
              <TableCell>{t('backupCard.rules.windows')}</TableCell>
              <TableCell>{t('backupCard.rules.lifecycle')}</TableCell>
              <TableCell>{t('backupCard.rules.target')}</TableCell>
              <TableCell>{t('backupCard.rules.copies')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.rules.map(rule => (
              <RuleRow
                key={rule.name}
                rule={rule}
                planArn={planArn}
                links={links ?? new Map()}
              />
            ))}
          </TableBody>
        </Table>
      )}

      <SectionTitle id="aws-platform-backup-selections">
        {t('backupCard.selections.title')}
      </SectionTitle>
      <SelectionList selections={plan.selections} />

      <LiveBackupSection entityRef={stringifyEntityRef(entity)} />
    </InfoCard>
  );
}

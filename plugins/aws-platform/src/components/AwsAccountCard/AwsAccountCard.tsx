import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Link,
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
  accountFindings,
  accountSummaryOf,
  ACCOUNT_ROLES,
  ANNOTATION_ACCOUNT_EMAIL,
  ANNOTATION_ACCOUNT_JOINED,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_OU_PATH,
  ANNOTATION_OWNER_SOURCE,
  ANNOTATION_ROLE_SOURCE,
  isAccountRole,
  LABEL_ACCOUNT_ROLE,
  LABEL_ACCOUNT_STATUS,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { isoDay } from '../../lib/isoDay';
import { awsPlatformTranslationRef } from '../../translation';
import { EntityLinks, Field, FieldGrid, SectionTitle } from '../shared/Fields';
import { AccountParts, toAccountParts } from './accountParts';
import { WarningChips } from '../shared/WarningChips';

const PART_GROUPS: Array<keyof AccountParts> = [
  'zones',
  'clusters',
  'vaults',
  'plans',
];

const OWNER_SOURCES = ['role', 'default'] as const;
const ROLE_SOURCES = [
  'config',
  'tag',
  'management',
  'landing-zone',
  'delegated-admin',
  'holdings',
  'ou',
  'name',
  'default',
] as const;
type RoleSourceKey = (typeof ROLE_SOURCES)[number];

/**
 * The card of an AWS account entity: its role in the guide, OU, owner and
 * Organizations details, what needs attention and what runs in it.
 * @public
 */
export function AwsAccountCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const annotations = entity.metadata.annotations ?? {};
  const role = entity.metadata.labels?.[LABEL_ACCOUNT_ROLE];
  const roleInfo = isAccountRole(role) ? ACCOUNT_ROLES[role] : undefined;
  const roleSource = annotations[ANNOTATION_ROLE_SOURCE];
  const ownerSource = annotations[ANNOTATION_OWNER_SOURCE];
  const owner = typeof entity.spec?.owner === 'string' ? entity.spec.owner : '';
  const email = annotations[ANNOTATION_ACCOUNT_EMAIL];
  const summary = accountSummaryOf(entity);
  const findings = accountFindings(entity);
  const entityRef = stringifyEntityRef(entity);

  // Zones, clusters and backups point at their account with `spec.partOf`,
  // which the suite's processor turns into `partOf` relations.
  const {
    value: parts,
    loading,
    error,
  } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'resource', 'relations.partOf': entityRef },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'spec.type',
      ],
    });
    return toAccountParts(items);
  }, [catalogApi, entityRef]);

  let ownerNote: string | undefined;
  if (ownerSource !== 'tag') {
    ownerNote = (OWNER_SOURCES as readonly string[]).includes(ownerSource ?? '')
      ? t(`accountCard.ownerSource.${ownerSource as 'role' | 'default'}`)
      : t('accountCard.ownerSource.unknown');
  }

  let partsBody;
  if (loading) {
    partsBody = <Progress aria-label={t('accountCard.parts.loading')} />;
  } else if (error) {
    partsBody = <ResponseErrorPanel error={error} />;
  } else if (!parts || PART_GROUPS.every(group => parts[group].length === 0)) {
    partsBody = (
      <Typography variant="body2" color="textSecondary">
        {summary
          ? t('accountCard.parts.empty')
          : t('accountCard.parts.notRead')}
      </Typography>
    );
  } else {
    partsBody = (
      <FieldGrid>
        {PART_GROUPS.filter(group => parts[group].length > 0).map(group => (
          <Field key={group} label={t(`accountCard.parts.${group}`)}>
            <ul
              aria-label={t(`accountCard.parts.${group}`)}
              style={{ margin: 0, paddingLeft: 16 }}
            >
              {parts[group].map(part => (
                <li key={part.entityRef}>
                  <EntityRefLink
                    entityRef={part.entityRef}
                    title={part.title}
                  />
                </li>
              ))}
            </ul>
          </Field>
        ))}
      </FieldGrid>
    );
  }

  return (
    <InfoCard title={t('accountCard.title')} subheader={roleInfo?.description}>
      <FieldGrid>
        <Field label={t('accountCard.fields.role')}>
          <Chip size="small" label={roleInfo?.title ?? role ?? '—'} />
          {roleSource &&
            (ROLE_SOURCES as readonly string[]).includes(roleSource) && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="span"
              >
                {' '}
                {t(`accountCard.roleSource.${roleSource as RoleSourceKey}`)}
              </Typography>
            )}
        </Field>
        <Field label={t('accountCard.fields.ou')}>
          {annotations[ANNOTATION_OU_PATH] || '—'}
        </Field>
        <Field label={t('accountCard.fields.owner')}>
          {owner ? (
            <EntityRefLink entityRef={owner} defaultKind="group" />
          ) : (
            '—'
          )}
          {ownerNote && (
            <>
              {' '}
              <Chip
                size="small"
                variant="outlined"
                color="secondary"
                label={t('accounts.findings.no-owner-tag')}
              />
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {ownerNote}
              </Typography>
            </>
          )}
        </Field>
        <Field label={t('accountCard.fields.accountId')}>
          {annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? '—'}
        </Field>
        <Field label={t('accountCard.fields.email')}>
          {email ? <Link to={`mailto:${email}`}>{email}</Link> : '—'}
        </Field>
        <Field label={t('accountCard.fields.status')}>
          {entity.metadata.labels?.[LABEL_ACCOUNT_STATUS]?.toUpperCase() ?? '—'}
        </Field>
        <Field label={t('accountCard.fields.joined')}>
          {isoDay(annotations[ANNOTATION_ACCOUNT_JOINED]) ?? '—'}
        </Field>
        <Field label={t('accountCard.fields.console')} wide>
          <EntityLinks entity={entity} fallback="—" />
        </Field>
        <Field label={t('accountCard.fields.findings')} wide>
          {findings.length === 0 ? (
            t('accountCard.noFindings')
          ) : (
            <WarningChips
              ariaLabel={t('accountCard.fields.findings')}
              labels={findings.map(finding =>
                t(`accounts.findings.${finding}`),
              )}
            />
          )}
        </Field>
      </FieldGrid>

      <SectionTitle>{t('accountCard.parts.title')}</SectionTitle>
      {summary ? (
        <Typography variant="body2" gutterBottom>
          {t('accountCard.parts.summary', {
            zones: String(summary.zones),
            clusters: String(summary.clusters),
            vaults: String(summary.vaults),
            plans: String(summary.plans),
          })}
          {summary.driftedZones > 0 &&
            ` · ${t('accountCard.parts.drifted', {
              number: String(summary.driftedZones),
            })}`}
          {summary.unsupportedClusters > 0 &&
            ` · ${t('accountCard.parts.unsupported', {
              number: String(summary.unsupportedClusters),
            })}`}
        </Typography>
      ) : null}
      {partsBody}
    </InfoCard>
  );
}

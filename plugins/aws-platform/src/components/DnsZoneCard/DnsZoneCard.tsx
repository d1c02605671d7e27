import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ZoneSpec,
  zoneSpecOf,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { awsPlatformTranslationRef } from '../../translation';
import { EntityLinks, Field, FieldGrid, SectionTitle } from '../shared/Fields';
import { MissingSpec } from '../shared/MissingSpec';
import { LiveDelegationSection } from './LiveDelegationSection';
import { NameServerList } from './NameServerList';

/**
 * The card of a Route 53 hosted zone entity: its name servers and whether
 * the parent zone delegates to them, with what to change when it does not,
 * as of the last ingestion and checked again live.
 * @public
 */
export function DnsZoneCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const zone = zoneSpecOf(entity);
  if (!zone) {
    return (
      <MissingSpec
        title={t('zoneCard.title')}
        description={t('zoneCard.missing')}
      />
    );
  }
  const { delegation } = zone;

  return (
    <InfoCard title={t('zoneCard.title')} subheader={zone.name}>
      <FieldGrid>
        <Field label={t('zoneCard.fields.name')}>{zone.name}</Field>
        <Field label={t('zoneCard.fields.visibility')}>
          {zone.private
            ? t('zoneCard.visibility.private')
            : t('zoneCard.visibility.public')}
        </Field>
        <Field label={t('zoneCard.fields.recordCount')}>
          {zone.recordCount ?? '—'}
        </Field>
        <Field label={t('zoneCard.fields.nameServers')}>
          <NameServerList
            label={t('zoneCard.fields.nameServers')}
            servers={zone.nameServers}
          />
        </Field>
        <Field label={t('zoneCard.fields.parentZone')}>
          {delegation.parentZone ? (
            <EntityRefLink
              entityRef={delegation.parentZone}
              title={delegation.parentZoneName}
            />
          ) : (
            t('zoneCard.noParentZone')
          )}
        </Field>
        <Field label={t('zoneCard.fields.console')}>
          <EntityLinks entity={entity} fallback="—" />
        </Field>
      </FieldGrid>

      <SectionTitle>
        {t('zoneCard.delegation.title')}{' '}
        <Chip
          size="small"
          color={delegation.status === 'drift' ? 'secondary' : 'default'}
          variant={delegation.status === 'in-sync' ? 'default' : 'outlined'}
          label={t(`zoneCard.status.${delegation.status}`)}
        />
      </SectionTitle>
      <DelegationExplanation zone={zone} />

      <LiveDelegationSection
        entityRef={stringifyEntityRef(entity)}
        catalogStatus={delegation.status}
      />
    </InfoCard>
  );
}

function DelegationExplanation(props: { zone: ZoneSpec }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { zone } = props;
  const { delegation } = zone;
  const parent = delegation.parentZoneName ?? t('zoneCard.theParentZone');

  switch (delegation.status) {
    case 'in-sync':
      return (
        <Typography variant="body2">
          {t('zoneCard.explain.in-sync', { zone: zone.name, parent })}
        </Typography>
      );
    case 'drift':
      return (
        <WarningPanel
          severity="error"
          defaultExpanded
          title={t('zoneCard.drift.title', { zone: zone.name, parent })}
        >
          <div>
            <Typography variant="body2" paragraph>
              {t('zoneCard.explain.drift', { zone: zone.name, parent })}
            </Typography>
            {delegation.missing.length > 0 && (
              <>
                <Typography variant="body2">
                  {t('zoneCard.drift.missing', { parent })}
                </Typography>
                <NameServerList
                  label={t('zoneCard.drift.missingLabel')}
                  servers={delegation.missing}
                />
              </>
            )}
            {delegation.extra.length > 0 && (
              <>
                <Typography variant="body2">
                  {t('zoneCard.drift.extra', { parent })}
                </Typography>
                <NameServerList
                  label={t('zoneCard.drift.extraLabel')}
                  servers={delegation.extra}
                />
              </>
            )}
          </div>
        </WarningPanel>
      );
    case 'not-delegated':
      if (zone.private) {
        return (
          <Typography variant="body2">
            {t('zoneCard.explain.not-delegated-private')}
          </Typography>
        );
      }
      return (
        <WarningPanel
          severity="warning"
          defaultExpanded
          title={t('zoneCard.notDelegated.title', { zone: zone.name, parent })}
        >
          <div>
            <Typography variant="body2">
              {t('zoneCard.explain.not-delegated', { zone: zone.name, parent })}
            </Typography>
            <NameServerList
              label={t('zoneCard.drift.missingLabel')}
              servers={
                delegation.missing.length
                  ? delegation.missing
                  : zone.nameServers
              }
            />
          </div>
        </WarningPanel>
      );
    case 'no-parent':
      return (
        <Typography variant="body2">
          {zone.private
            ? t('zoneCard.explain.no-parent-private')
            : t('zoneCard.explain.no-parent')}
        </Typography>
      );
    default:
      return (
        <Typography variant="body2">{t('zoneCard.explain.unknown')}</Typography>
      );
  }
}

import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  DelegationStatus,
  LiveZoneDelegation,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useLiveStatus } from '../../api';
import { awsPlatformTranslationRef } from '../../translation';
import { Field, FieldGrid } from '../shared/Fields';
import { LiveReadAt, LiveSection } from '../shared/Live';
import { NameServerList } from './NameServerList';

function DelegationLiveView(props: {
  delegation: LiveZoneDelegation;
  catalogStatus: DelegationStatus;
  onRefresh: () => void;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { delegation } = props;
  const zone = delegation.zone.name;
  const parent = delegation.parent?.name ?? t('zoneCard.theParentZone');
  const { status } = delegation;
  // Route 53 Resolver follows no delegation in private zones: none is due.
  const privateUndelegated =
    delegation.zone.private && status === 'not-delegated';
  const attention =
    status === 'drift' || (status === 'not-delegated' && !privateUndelegated);

  return (
    <>
      <Typography variant="body2" component="div" paragraph>
        <Chip
          size="small"
          color={attention ? 'secondary' : 'default'}
          variant={status === 'in-sync' ? 'default' : 'outlined'}
          label={t(`zoneCard.status.${status}`)}
          style={{ marginRight: 8 }}
        />
        {privateUndelegated
          ? t('zoneCard.explain.not-delegated-private')
          : t(`live.zone.explain.${status}`, { zone, parent })}
      </Typography>

      {attention && (
        <FieldGrid>
          <Field label={t('live.zone.add')}>
            <NameServerList
              label={t('live.zone.add')}
              servers={delegation.missing}
            />
          </Field>
          {delegation.extra.length > 0 && (
            <Field label={t('live.zone.remove')}>
              <NameServerList
                label={t('live.zone.remove')}
                servers={delegation.extra}
              />
            </Field>
          )}
        </FieldGrid>
      )}

      <FieldGrid>
        <Field label={t('live.zone.zoneServers', { zone })}>
          <NameServerList
            label={t('live.zone.zoneServers', { zone })}
            servers={delegation.zone.nameServers}
          />
        </Field>
        {delegation.parent && (
          <Field label={t('live.zone.parentRecord', { zone, parent })}>
            {delegation.parent.record ? (
              <>
                <NameServerList
                  label={t('live.zone.parentRecord', { zone, parent })}
                  servers={delegation.parent.record.nameServers}
                />
                {delegation.parent.record.ttl !== undefined && (
                  <Typography variant="caption" color="textSecondary">
                    {t('live.zone.ttl', {
                      ttl: String(delegation.parent.record.ttl),
                    })}
                  </Typography>
                )}
              </>
            ) : (
              t('live.zone.noRecord', { zone, parent })
            )}
          </Field>
        )}
      </FieldGrid>

      {status !== 'unknown' && status !== props.catalogStatus && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('live.zone.differs', {
            catalog: t(`zoneCard.status.${props.catalogStatus}`),
          })}
        </Typography>
      )}

      <LiveReadAt readAt={delegation.readAt} onRefresh={props.onRefresh} />
    </>
  );
}

/**
 * The live part of the DNS zone card: the parent zone's NS record for this
 * zone compared with the zone's own name servers, both read from Route 53
 * now through the backend (`GET /api/aws-platform/live/zones`).
 */
export function LiveDelegationSection(props: {
  entityRef: string;
  catalogStatus: DelegationStatus;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { value, loading, error, retry } = useLiveStatus(
    props.entityRef,
    (api, entityRef) => api.getZoneDelegation(entityRef),
  );
  return (
    <LiveSection
      id="aws-platform-zone-live"
      title={t('live.zone.title')}
      loading={loading}
      error={error}
      empty={!value}
      emptyTitle={t('live.errors.other')}
      emptyDescription=""
    >
      {() => (
        <DelegationLiveView
          delegation={value!}
          catalogStatus={props.catalogStatus}
          onRefresh={retry}
        />
      )}
    </LiveSection>
  );
}

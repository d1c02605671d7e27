import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  LiveClusterStatus,
  LiveHealthIssue,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useLiveStatus } from '../../api';
import { awsPlatformTranslationRef } from '../../translation';
import { Field, FieldGrid } from '../shared/Fields';
import {
  LiveGapNote,
  LiveNote,
  LiveReadAt,
  LiveSection,
  LiveSubTitle,
} from '../shared/Live';
import { WarningChips } from '../shared/WarningChips';
import { NO_WRAP } from '../shared/noWrap';
import { nodegroupSize } from './nodegroupSize';

function Health(props: { issues: LiveHealthIssue[] }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  if (props.issues.length === 0) return <>{t('live.health.ok')}</>;
  return (
    <span
      title={props.issues.map(issue => issue.message ?? issue.code).join('\n')}
    >
      <WarningChips
        labels={props.issues.map(issue => issue.code)}
        ariaLabel={t('live.health.label')}
      />
    </span>
  );
}

function ClusterLiveView(props: {
  status: LiveClusterStatus;
  onRefresh: () => void;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { cluster, nodegroups, addons, insights, gaps } = props.status;
  return (
    <>
      <FieldGrid>
        <Field label={t('live.cluster.status')}>{cluster.status}</Field>
        <Field label={t('live.cluster.supportType')}>
          {cluster.supportType ?? '—'}
        </Field>
        <Field label={t('live.cluster.health')}>
          <Health issues={cluster.health} />
        </Field>
      </FieldGrid>

      <LiveSubTitle id="aws-platform-eks-live-nodegroups">
        {t('live.cluster.nodegroups.title')}
      </LiveSubTitle>
      {nodegroups.length === 0 ? (
        <LiveNote>{t('live.cluster.nodegroups.none')}</LiveNote>
      ) : (
        <Table size="small" aria-labelledby="aws-platform-eks-live-nodegroups">
          <TableHead>
            <TableRow>
              <TableCell>{t('live.cluster.nodegroups.name')}</TableCell>
              <TableCell style={NO_WRAP}>
                {t('live.cluster.nodegroups.status')}
              </TableCell>
              <TableCell style={NO_WRAP}>
                {t('live.cluster.nodegroups.size')}
              </TableCell>
              <TableCell style={NO_WRAP}>
                {t('live.cluster.nodegroups.version')}
              </TableCell>
              <TableCell style={NO_WRAP}>
                {t('live.cluster.nodegroups.health')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {nodegroups.map(group => (
              <TableRow key={group.name}>
                <TableCell>
                  {group.name}
                  {group.capacityType && (
                    <Typography
                      variant="caption"
                      component="div"
                      color="textSecondary"
                    >
                      {t('live.cluster.nodegroups.capacityType', {
                        capacity: group.capacityType,
                      })}
                    </Typography>
                  )}
                </TableCell>
                <TableCell style={NO_WRAP}>{group.status}</TableCell>
                <TableCell style={NO_WRAP}>{nodegroupSize(group)}</TableCell>
                <TableCell>
                  {[
                    group.version,
                    group.releaseVersion && `(${group.releaseVersion})`,
                  ]
                    .filter(Boolean)
                    .join(' ') || '—'}
                </TableCell>
                <TableCell>
                  <Health issues={group.health} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <LiveSubTitle id="aws-platform-eks-live-addons">
        {t('live.cluster.addons.title')}
      </LiveSubTitle>
      {!addons && <LiveGapNote gap={gaps.addons} action="eks:ListAddons" />}
      {addons?.length === 0 && (
        <LiveNote>{t('live.cluster.addons.none')}</LiveNote>
      )}
      {addons && addons.length > 0 && (
        <Table size="small" aria-labelledby="aws-platform-eks-live-addons">
          <TableHead>
            <TableRow>
              <TableCell>{t('live.cluster.addons.name')}</TableCell>
              <TableCell>{t('live.cluster.addons.version')}</TableCell>
              <TableCell>{t('live.cluster.addons.status')}</TableCell>
              <TableCell>{t('live.cluster.addons.health')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {addons.map(addon => (
              <TableRow key={addon.name}>
                <TableCell>{addon.name}</TableCell>
                <TableCell>{addon.version ?? '—'}</TableCell>
                <TableCell>{addon.status ?? '—'}</TableCell>
                <TableCell>
                  <Health issues={addon.health} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <LiveSubTitle id="aws-platform-eks-live-insights">
        {t('live.cluster.insights.title')}
      </LiveSubTitle>
      {!insights && (
        <LiveGapNote gap={gaps.insights} action="eks:ListInsights" />
      )}
      {insights?.length === 0 && (
        <LiveNote>{t('live.cluster.insights.none')}</LiveNote>
      )}
      {insights && insights.length > 0 && (
        <Table size="small" aria-labelledby="aws-platform-eks-live-insights">
          <TableHead>
            <TableRow>
              <TableCell>{t('live.cluster.insights.name')}</TableCell>
              <TableCell>{t('live.cluster.insights.version')}</TableCell>
              <TableCell>{t('live.cluster.insights.status')}</TableCell>
              <TableCell>{t('live.cluster.insights.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {insights.map(insight => (
              <TableRow key={insight.id}>
                <TableCell>{insight.name}</TableCell>
                <TableCell>{insight.kubernetesVersion ?? '—'}</TableCell>
                <TableCell>
                  {insight.status === 'ERROR' ||
                  insight.status === 'WARNING' ? (
                    <WarningChips
                      labels={[
                        t(`live.cluster.insights.states.${insight.status}`),
                      ]}
                    />
                  ) : (
                    t(
                      `live.cluster.insights.states.${
                        insight.status === 'PASSING' ? 'PASSING' : 'UNKNOWN'
                      }`,
                    )
                  )}
                </TableCell>
                <TableCell>{insight.reason ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <LiveReadAt readAt={props.status.readAt} onRefresh={props.onRefresh} />
    </>
  );
}

/**
 * The live part of the EKS cluster card: node groups with their scaling
 * and health, add-ons and upgrade insights, read from AWS on request
 * through the backend (`GET /api/aws-platform/live/clusters`).
 */
export function LiveClusterSection(props: { entityRef: string }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { value, loading, error, retry } = useLiveStatus(
    props.entityRef,
    (api, entityRef) => api.getClusterLiveStatus(entityRef),
  );
  return (
    <LiveSection
      id="aws-platform-eks-live"
      title={t('live.title')}
      loading={loading}
      error={error}
      empty={!value}
      emptyTitle={t('live.errors.other')}
      emptyDescription=""
    >
      {() => <ClusterLiveView status={value!} onRefresh={retry} />}
    </LiveSection>
  );
}

import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  LiveBackupActivity,
  LiveList,
  LiveSectionGap,
  parseVaultArn,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { ReactNode } from 'react';
import { byteSize, useLiveStatus, utcMinute } from '../../api';
import { awsPlatformTranslationRef } from '../../translation';
import {
  LiveGapNote,
  LiveNote,
  LiveReadAt,
  LiveSection,
  LiveSubTitle,
} from '../shared/Live';
import { WarningChips } from '../shared/WarningChips';

/** States that need a look: the job did not (fully) do its work. */
const FAILED_STATES = ['FAILED', 'ABORTED', 'EXPIRED', 'PARTIAL'];

function State(props: { state: string }) {
  return FAILED_STATES.includes(props.state) ? (
    <WarningChips labels={[props.state]} />
  ) : (
    <>{props.state}</>
  );
}

function VaultName(props: { arn: string | undefined }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const vault = props.arn ? parseVaultArn(props.arn) : undefined;
  if (!vault) return <>{props.arn ?? '—'}</>;
  return (
    <span title={props.arn}>
      {t('live.backup.vaultIn', {
        name: vault.name,
        accountId: vault.accountId,
        region: vault.region,
      })}
    </span>
  );
}

function resourceOf(item: {
  resourceName?: string;
  resourceArn?: string;
  resourceType?: string;
}): ReactNode {
  const name = item.resourceName ?? item.resourceArn?.split(/[:/]/).pop();
  if (!name) return '—';
  return (
    <span title={item.resourceArn}>
      {item.resourceType ? `${name} (${item.resourceType})` : name}
    </span>
  );
}

type Column<T> = { header: string; cell: (item: T) => ReactNode };

function LiveTable<T>(props: {
  id: string;
  title: string;
  none: string;
  list: LiveList<T> | undefined;
  gap: LiveSectionGap | undefined;
  action: string;
  maxItems: number;
  rowKey: (item: T) => string;
  columns: Column<T>[];
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { list } = props;
  let body: ReactNode;
  if (!list) {
    body = <LiveGapNote gap={props.gap} action={props.action} />;
  } else if (list.items.length === 0) {
    body = <LiveNote>{props.none}</LiveNote>;
  } else {
    body = (
      <>
        <Table size="small" aria-labelledby={props.id}>
          <TableHead>
            <TableRow>
              {props.columns.map(column => (
                <TableCell key={column.header}>{column.header}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {list.items.map(item => (
              <TableRow key={props.rowKey(item)}>
                {props.columns.map(column => (
                  <TableCell key={column.header}>{column.cell(item)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {list.truncated && (
          <Typography variant="caption" color="textSecondary">
            {t('live.backup.truncated', { max: String(props.maxItems) })}
          </Typography>
        )}
      </>
    );
  }
  return (
    <>
      <LiveSubTitle id={props.id}>{props.title}</LiveSubTitle>
      {body}
    </>
  );
}

function BackupLiveView(props: {
  activity: LiveBackupActivity;
  onRefresh: () => void;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { activity } = props;
  const { maxItems, days } = activity.window;
  const column = (
    key:
      | 'state'
      | 'resource'
      | 'created'
      | 'completed'
      | 'size'
      | 'message'
      | 'destination'
      | 'source'
      | 'deleteAt',
  ) => t(`live.backup.columns.${key}`);
  const when = (iso: string | undefined) => utcMinute(iso) ?? '—';

  return (
    <>
      <Typography variant="body2" color="textSecondary">
        {t('live.backup.window', {
          days: String(days),
          max: String(maxItems),
        })}
      </Typography>

      <LiveTable
        id="aws-platform-backup-live-jobs"
        title={t('live.backup.jobs.title')}
        none={t('live.backup.jobs.none')}
        list={activity.jobs}
        gap={activity.gaps.jobs}
        action="backup:ListBackupJobs"
        maxItems={maxItems}
        rowKey={job => job.id}
        columns={[
          { header: column('state'), cell: job => <State state={job.state} /> },
          { header: column('resource'), cell: resourceOf },
          { header: column('created'), cell: job => when(job.createdAt) },
          { header: column('completed'), cell: job => when(job.completedAt) },
          {
            header: column('size'),
            cell: job => byteSize(job.sizeBytes) ?? '—',
          },
          { header: column('message'), cell: job => job.statusMessage ?? '—' },
        ]}
      />

      <LiveTable
        id="aws-platform-backup-live-copies"
        title={t('live.backup.copyJobs.title')}
        none={t('live.backup.copyJobs.none')}
        list={activity.copyJobs}
        gap={activity.gaps.copyJobs}
        action="backup:ListCopyJobs"
        maxItems={maxItems}
        rowKey={copy => copy.id}
        columns={[
          {
            header: column('state'),
            cell: copy => <State state={copy.state} />,
          },
          { header: column('resource'), cell: resourceOf },
          {
            header:
              activity.kind === 'vault'
                ? column('source')
                : column('destination'),
            cell: copy => (
              <VaultName
                arn={
                  activity.kind === 'vault'
                    ? copy.sourceVaultArn
                    : copy.destinationVaultArn
                }
              />
            ),
          },
          ...(activity.kind === 'vault'
            ? [
                {
                  header: column('destination'),
                  cell: (copy: { destinationVaultArn?: string }) => (
                    <VaultName arn={copy.destinationVaultArn} />
                  ),
                },
              ]
            : []),
          { header: column('created'), cell: copy => when(copy.createdAt) },
          { header: column('completed'), cell: copy => when(copy.completedAt) },
          {
            header: column('message'),
            cell: copy => copy.statusMessage ?? '—',
          },
        ]}
      />

      {activity.kind === 'vault' && (
        <LiveTable
          id="aws-platform-backup-live-points"
          title={t('live.backup.recoveryPoints.title')}
          none={t('live.backup.recoveryPoints.none')}
          list={activity.recoveryPoints}
          gap={activity.gaps.recoveryPoints}
          action="backup:ListRecoveryPointsByBackupVault"
          maxItems={maxItems}
          rowKey={point => point.arn}
          columns={[
            {
              header: column('state'),
              cell: point => <State state={point.status} />,
            },
            { header: column('resource'), cell: resourceOf },
            { header: column('created'), cell: point => when(point.createdAt) },
            {
              header: column('size'),
              cell: point => byteSize(point.sizeBytes) ?? '—',
            },
            {
              header: column('source'),
              cell: point =>
                point.sourceVaultArn ? (
                  <VaultName arn={point.sourceVaultArn} />
                ) : (
                  '—'
                ),
            },
            {
              header: column('deleteAt'),
              cell: point => when(point.deleteAt),
            },
          ]}
        />
      )}

      <LiveReadAt readAt={activity.readAt} onRefresh={props.onRefresh} />
    </>
  );
}

/** Nothing in any list that could be read, and no list unread. */
function isQuiet(activity: LiveBackupActivity): boolean {
  const lists: Array<LiveList<unknown> | undefined> = [
    activity.jobs,
    activity.copyJobs,
  ];
  if (activity.kind === 'vault') lists.push(activity.recoveryPoints);
  return lists.every(list => list !== undefined && list.items.length === 0);
}

/**
 * The live part of the backup card: recent backup jobs, copy jobs and (for
 * a vault) recovery points, read from AWS Backup on request through the
 * backend (`GET /api/aws-platform/live/backups`).
 */
export function LiveBackupSection(props: { entityRef: string }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { value, loading, error, retry } = useLiveStatus(
    props.entityRef,
    (api, entityRef) => api.getBackupActivity(entityRef),
  );
  const days = String(value?.window.days ?? '');
  return (
    <LiveSection
      id="aws-platform-backup-live"
      title={t('live.title')}
      loading={loading}
      error={error}
      empty={!value || isQuiet(value)}
      emptyTitle={t('live.backup.empty', { days })}
      emptyDescription={t('live.backup.emptyDescription')}
    >
      {() => <BackupLiveView activity={value!} onRefresh={retry} />}
    </LiveSection>
  );
}

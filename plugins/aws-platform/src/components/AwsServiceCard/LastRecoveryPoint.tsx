import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { LiveRecoveryPoint } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { AwsPlatformApi, useLiveStatus, utcMinute } from '../../api';
import { awsPlatformTranslationRef } from '../../translation';
import { RecoveryPointSource } from './serviceStages';

const loadBackupActivity = (api: AwsPlatformApi, entityRef: string) =>
  api.getBackupActivity(entityRef);

/** Recovery points that can be restored from. */
const RESTORABLE = new Set(['COMPLETED', 'AVAILABLE']);

const timeOf = (point: LiveRecoveryPoint) =>
  point.completedAt ?? point.createdAt ?? '';

/**
 * The end of a stage's backup line: when the newest recovery point of the
 * stage's plan was made, read live from its vault (the backend's
 * `/live/backups`, which lists a vault's recovery points of the last days).
 * Nothing while it loads, when the live status may not be read or AWS does
 * not serve recovery points: the line then ends with what the catalog says.
 */
export function LastRecoveryPoint(props: { source: RecoveryPointSource }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { vaultRef, planId } = props.source;
  const { value } = useLiveStatus(vaultRef, loadBackupActivity);
  const list = value?.recoveryPoints;
  if (!value || !list) return null;
  const points = list.items
    .filter(point => RESTORABLE.has(point.status))
    .filter(point => !planId || !point.planId || point.planId === planId)
    .sort((a, b) => timeOf(b).localeCompare(timeOf(a)));
  const newest = points[0];
  if (!newest) {
    // A truncated list may hold the plan's points beyond what was read.
    return list.truncated ? null : (
      <>
        ,{' '}
        {t('serviceCard.backup.noRecentRecoveryPoint', {
          days: String(value.window.days),
        })}
      </>
    );
  }
  const time = utcMinute(timeOf(newest));
  return time ? (
    <>, {t('serviceCard.backup.lastRecoveryPoint', { time })}</>
  ) : null;
}

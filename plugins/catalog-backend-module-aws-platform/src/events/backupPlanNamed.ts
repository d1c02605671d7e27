import type { CloudTrailChangeEvent } from './cloudTrailEvent';

/** AWS Backup plan ids: letters, digits and hyphens (a UUID in practice). */
const PLAN_ID = /^[A-Za-z0-9-]{1,100}$/;

/** `arn:<partition>:backup:<region>:<account>:backup-plan:<id>`. */
const PLAN_ARN = /^arn:[\w-]+:backup:[\w-]+:\d{12}:backup-plan:([^:/]+)$/;

/** The calls about one plan; vault calls read the whole account and region. */
const PLAN_CALLS: ReadonlySet<string> = new Set([
  'CreateBackupPlan',
  'UpdateBackupPlan',
  'DeleteBackupPlan',
  'CreateBackupSelection',
  'DeleteBackupSelection',
  'TagResource',
  'UntagResource',
]);

/**
 * The backup plan an AWS Backup call changed: the id CreateBackupPlan
 * answers with, the `backupPlanId` of the plan's and its selections' calls,
 * the ARN's plan for tags. Undefined for a vault, or when the event names
 * no plan that could be one: the caller then reads the whole account and
 * region.
 */
export function backupPlanNamed(
  event: CloudTrailChangeEvent,
): string | undefined {
  if (!PLAN_CALLS.has(event.eventName)) return undefined;
  const { requestParameters: request, responseElements: response } = event;
  const candidate =
    typeof request.resourceArn === 'string'
      ? PLAN_ARN.exec(request.resourceArn)?.[1]
      : request.backupPlanId ?? response.backupPlanId;
  return typeof candidate === 'string' && PLAN_ID.test(candidate)
    ? candidate
    : undefined;
}

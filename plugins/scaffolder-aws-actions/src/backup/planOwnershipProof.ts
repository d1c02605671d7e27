/**
 * The proof that the suite made a backup plan or selection for a lineage,
 * carried in the `CreatorRequestId` AWS Backup keeps with each and returns
 * from ListBackupPlans, GetBackupPlan, ListBackupSelections and
 * GetBackupSelection.
 *
 * Why not the ownership tags alone: the action writes them on the plan for
 * people and for real AWS, but it must be able to judge what it reads back
 * the same way everywhere, and the local emulator (moto) returns no AWS
 * Backup tags to the JavaScript SDK (ListTags always answers `{}`), while it
 * does return the CreatorRequestId. A selection has no tags at all. So the
 * token is the proof; the tags are the label.
 *
 * The token holds a digest of the lineage and one of the task and step, so
 * AWS's own idempotency still works per task (a resumed task sends the same
 * token), while another task of the same lineage is still recognised.
 * Anyone allowed to call CreateBackupPlan in the account could forge it, as
 * they could forge a tag: it proves provenance, not authority.
 */
import { createHash } from 'node:crypto';
import { MANAGED_BY_VALUE, OWNERSHIP_TAG } from '../lib/ownership';

const TOKEN = /^awsp\.([0-9a-f]{24})\.[0-9a-f]{16}$/;

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * The CreatorRequestId of one write (`step`, e.g. `plan` or `selection`) of
 * one task for a lineage: 46 characters of AWS Backup's allowed 1 to 50
 * letters, digits, '-', '_' and '.'.
 */
export function ownershipToken(
  lineage: string,
  step: string,
  taskId: string,
): string {
  return `awsp.${digest(lineage, 24)}.${digest(`${step}\n${taskId}`, 16)}`;
}

/**
 * What a CreatorRequestId proves, as the ownership tags it stands for, for
 * `judgeExisting`: nothing (`{}`) when the suite did not make it, the
 * suite's mark with `lineage` when it was made for that lineage, and the
 * suite's mark with another lineage otherwise.
 */
export function ownershipFromToken(
  token: string | undefined,
  lineage: string,
): Record<string, string> {
  const match = TOKEN.exec(token ?? '');
  if (!match) {
    return {};
  }
  return {
    [OWNERSHIP_TAG.managedBy]: MANAGED_BY_VALUE,
    [OWNERSHIP_TAG.lineage]:
      match[1] === digest(lineage, 24) ? lineage : `lineage ${match[1]}`,
  };
}

import { createHash } from 'node:crypto';

/**
 * An idempotency token for one logical AWS change of one scaffolder task:
 * the same task retrying the same change sends the same token, so AWS
 * (Route 53's CallerReference, Backup's CreatorRequestId) refuses to do it
 * twice; another task gets another token.
 */
export function idempotencyToken(taskId: string, change: string): string {
  const digest = createHash('sha256')
    .update(`${taskId}\n${change}`)
    .digest('hex');
  return `backstage-${digest.slice(0, 40)}`;
}

import {
  ANNOTATION_ROLE_ALSO_CLAIMED_BY,
  ANNOTATION_ROLE_CONFIDENCE,
  ANNOTATION_ROLE_CONFLICTS,
  ANNOTATION_ROLE_SOURCE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { AccountRoleResolution } from './deriveAccountRoles';

/**
 * The annotations that say on an account entity where its role came from,
 * how sure that is, and what disagreed: conflicts are shown, never hidden.
 */
export function roleAnnotations(
  resolution: AccountRoleResolution,
): Record<string, string> {
  return {
    [ANNOTATION_ROLE_SOURCE]: resolution.source,
    [ANNOTATION_ROLE_CONFIDENCE]: resolution.confidence,
    ...(resolution.conflicts.length > 0 && {
      [ANNOTATION_ROLE_CONFLICTS]: resolution.conflicts
        .map(c => `${c.source}:${c.role} (${c.detail})`)
        .join('; '),
    }),
    ...(resolution.alsoClaimedBy.length > 0 && {
      [ANNOTATION_ROLE_ALSO_CLAIMED_BY]: resolution.alsoClaimedBy.join(','),
    }),
  };
}

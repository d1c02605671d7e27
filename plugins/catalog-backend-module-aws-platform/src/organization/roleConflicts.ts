import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_ROLE_ALSO_CLAIMED_BY,
  ANNOTATION_ROLE_CONFLICTS,
  AWS_ENTITY_TYPES,
  IngestionRoleConflict,
  LABEL_ACCOUNT_ROLE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * The accounts whose role evidence disagreed or whose one-per-organization
 * role another account also got, read back from the emitted entities, for
 * the ingestion status: a guessed role must be visible without opening
 * every account.
 */
export function roleConflictsOf(entities: Entity[]): IngestionRoleConflict[] {
  return entities.flatMap(entity => {
    const annotations = entity.metadata.annotations ?? {};
    const conflicts = annotations[ANNOTATION_ROLE_CONFLICTS];
    const alsoClaimedBy = annotations[ANNOTATION_ROLE_ALSO_CLAIMED_BY];
    if (
      entity.spec?.type !== AWS_ENTITY_TYPES.account ||
      (!conflicts && !alsoClaimedBy)
    ) {
      return [];
    }
    return [
      {
        accountId: annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? '',
        role: entity.metadata.labels?.[LABEL_ACCOUNT_ROLE] ?? '',
        ...(conflicts && { conflicts }),
        ...(alsoClaimedBy && { alsoClaimedBy: alsoClaimedBy.split(',') }),
      },
    ];
  });
}

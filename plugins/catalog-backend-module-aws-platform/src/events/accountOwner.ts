import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_OWNER_SOURCE,
  isAccountRole,
  LABEL_ACCOUNT_ROLE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { OwnerSettings, resolveOwner } from '../lib/resolveOwner';
import { withAnnotation } from '../lib/withAnnotation';

/**
 * The account entity with the owner its tags name now, resolved as the full
 * refresh resolves it (the owner tag, else its role's owner, else the
 * default), or undefined when its owner stays. The role is the entity's:
 * a change of the role tag is not applied here.
 */
export function accountWithOwner(
  account: Entity,
  tags: Record<string, string>,
  settings: OwnerSettings,
): Entity | undefined {
  const label = account.metadata.labels?.[LABEL_ACCOUNT_ROLE];
  const { owner, source } = resolveOwner(
    tags,
    isAccountRole(label) ? label : undefined,
    settings,
  );
  const annotations = account.metadata.annotations ?? {};
  if (
    account.spec?.owner === owner &&
    annotations[ANNOTATION_OWNER_SOURCE] === source
  ) {
    return undefined;
  }
  return {
    ...withAnnotation(account, ANNOTATION_OWNER_SOURCE, source),
    spec: { ...account.spec, owner },
  };
}

/**
 * The resources of an account that inherit its owner (no owner tag of their
 * own: owner source `account`), given the account's new owner; those whose
 * owner does not change are left out.
 */
export function resourcesInheriting(
  resources: readonly Entity[],
  accountId: string,
  owner: string,
): Entity[] {
  return resources.flatMap(resource => {
    const annotations = resource.metadata.annotations ?? {};
    const inherits =
      annotations[ANNOTATION_AWS_ACCOUNT_ID] === accountId &&
      annotations[ANNOTATION_OWNER_SOURCE] === 'account' &&
      resource.spec?.owner !== owner;
    return inherits ? [{ ...resource, spec: { ...resource.spec, owner } }] : [];
  });
}

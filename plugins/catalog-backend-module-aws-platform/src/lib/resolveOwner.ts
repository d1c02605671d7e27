import {
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** Where an owner came from; `default` means nobody claimed the entity. */
export type OwnerSource = 'tag' | 'role' | 'default';

/** The ownership settings of the ingestion. */
export interface OwnerSettings {
  ownerTagKey: string;
  defaultOwner: string;
  roleOwners: Partial<Record<AccountRole, string>>;
}

/**
 * The owner of an AWS entity as a full entity ref: the owner tag (a group
 * name or any entity ref), else the owner configured for the account's role,
 * else the configured default owner. Never `unknown`.
 */
export function resolveOwner(
  tags: Record<string, string>,
  role: AccountRole | undefined,
  settings: OwnerSettings,
): { owner: string; source: OwnerSource } {
  const tagged = toOwnerRef(tags[settings.ownerTagKey]);
  if (tagged) {
    return { owner: tagged, source: 'tag' };
  }
  const byRole = role ? toOwnerRef(settings.roleOwners[role]) : undefined;
  if (byRole) {
    return { owner: byRole, source: 'role' };
  }
  return { owner: toOwnerRef(settings.defaultOwner)!, source: 'default' };
}

function toOwnerRef(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(trimmed.toLocaleLowerCase('en-US'), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    const valid =
      KubernetesValidatorFunctions.isValidObjectName(ref.kind) &&
      KubernetesValidatorFunctions.isValidNamespace(ref.namespace) &&
      KubernetesValidatorFunctions.isValidObjectName(ref.name);
    return valid ? stringifyEntityRef(ref) : undefined;
  } catch {
    // A tag value that is no valid ref cannot name an owner.
    return undefined;
  }
}

import { stringifyEntityRef } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';
import { parseVaultArn } from '@internal/backstage-plugin-aws-platform-common';
import { entityName } from '../lib/entityName';

export { parseVaultArn };

/**
 * Entity name of a vault, e.g. `user-backup-vault-715451680876-us-east-1`.
 * Computable from any vault ARN, so plans can point at vaults in accounts
 * and regions read in other scopes.
 */
export function vaultEntityName(
  name: string,
  accountId: string,
  region: string,
): string {
  return scopedEntityName(name, accountId, region);
}

/** Entity name of a plan, e.g. `production-backup-plan-715451680876-us-east-1`. */
export function planEntityName(
  name: string,
  accountId: string,
  region: string,
): string {
  return scopedEntityName(name, accountId, region);
}

/** Full entity ref of a vault. */
export function vaultEntityRef(
  name: string,
  accountId: string,
  region: string,
): string {
  return stringifyEntityRef({
    kind: 'resource',
    namespace: 'default',
    name: vaultEntityName(name, accountId, region),
  });
}

/** Full entity ref of the vault an ARN names, or undefined if it is no vault ARN. */
export function vaultRefFromArn(arn: string): string | undefined {
  const vault = parseVaultArn(arn);
  return vault && vaultEntityRef(vault.name, vault.accountId, vault.region);
}

// Names are unique only per account and region, and slugging is lossy
// (`My_Vault` and `my-vault`, or long names cut short). A name that did not
// survive whole gets a hash of itself in the unique part, so no two vaults or
// plans of one scope ever share an entity name.
function scopedEntityName(
  name: string,
  accountId: string,
  region: string,
): string {
  const scope = `${accountId}-${region}`;
  const plain = entityName(name, scope);
  if (plain === `${name}-${scope}`) {
    return plain;
  }
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return entityName(name, `${hash}-${scope}`);
}

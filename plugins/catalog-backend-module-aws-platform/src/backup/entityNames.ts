import { stringifyEntityRef } from '@backstage/catalog-model';
import { parseVaultArn } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { scopedEntityName } from '../lib/entityName';

export { parseVaultArn };

/**
 * Entity name of a vault, e.g. `user-backup-vault-715451680876-us-east-1`.
 * Vault names are unique per account and region and never change, so the
 * name is computable from any vault ARN: plans point at vaults in accounts
 * and regions read in other scopes.
 */
export function vaultEntityName(
  name: string,
  accountId: string,
  region: string,
): string {
  return scopedEntityName({ id: name, scope: [accountId, region] });
}

/**
 * Entity name of a plan, e.g. `backup-plan-1a2b3c4d-715451680876-us-east-1`:
 * a hash of the plan id, because a plan's name is a display name that
 * UpdateBackupPlan can change. This also keeps a plan and a vault of the
 * same name apart.
 */
export function planEntityName(
  planId: string,
  accountId: string,
  region: string,
): string {
  return scopedEntityName({
    readable: 'backup-plan',
    id: planId,
    scope: [accountId, region],
  });
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

import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_REGION,
  AWS_ENTITY_TYPES,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  AccountInfo,
  MappingContext,
  resourceAnnotations,
  resourceOwner,
  scopeKey,
} from '../resources/mappingContext';
import {
  parseVaultArn,
  planEntityName,
  vaultEntityName,
  vaultEntityRef,
  vaultRefFromArn,
} from './entityNames';
import { BackupScope, PlanRecord, VaultRecord } from './types';

export { vaultEntityName, vaultRefFromArn } from './entityNames';

/**
 * Maps what readBackup read in each account and region to catalog entities:
 * one `Resource` of type `aws-backup-vault` per vault and one of type
 * `aws-backup-plan` per plan, each part of its account's entity. A plan
 * depends on every vault it writes to, including copy destinations in other
 * accounts and regions. Scopes of accounts missing from `ctx.accounts` are
 * skipped: without the account there is no owner to inherit.
 */
export function backupToEntities(
  scopes: BackupScope[],
  ctx: MappingContext,
): Entity[] {
  const entities: Entity[] = [];
  for (const scope of scopes) {
    const account = ctx.accounts.get(scope.accountId);
    if (!account) continue;
    const where = { ...scope, account };
    for (const vault of scope.vaults) {
      entities.push(vaultEntity(vault, where, ctx));
    }
    for (const plan of scope.plans) {
      entities.push(planEntity(plan, where, ctx));
    }
  }
  return entities;
}

interface Where {
  accountId: string;
  region: string;
  account: AccountInfo;
}

function vaultEntity(
  vault: VaultRecord,
  where: Where,
  ctx: MappingContext,
): Entity {
  const { accountId, region, account } = where;
  const owner = resourceOwner(vault.tags, account, ctx.ownerTagKey);
  return withoutUndefined({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: vaultEntityName(vault.name, accountId, region),
      title: `${vault.name} (${account.name}, ${region})`,
      description: `AWS Backup vault in the ${account.name} account (${accountId}), ${region}`,
      annotations: {
        ...resourceAnnotations(ctx, {
          scope: scopeKey('backup', accountId, region),
          accountId,
          arn: vault.arn,
          ownerSource: owner.source,
        }),
        [ANNOTATION_AWS_REGION]: region,
      },
      tags: ['aws', 'aws-backup'],
      links: [
        {
          url: `${consoleHome(
            region,
          )}#/backupvaults/details/${encodeURIComponent(vault.name)}`,
          title: `Vault in the AWS Backup console (sign in to ${account.name})`,
          icon: 'cloud',
        },
      ],
    },
    spec: {
      type: AWS_ENTITY_TYPES.backupVault,
      owner: owner.owner,
      partOf: account.entityRef,
      vault: {
        name: vault.name,
        region,
        vaultType: vault.vaultType,
        locked: vault.locked,
        minRetentionDays: vault.minRetentionDays,
        maxRetentionDays: vault.maxRetentionDays,
        recoveryPoints: vault.recoveryPoints,
        encryptionKeyArn: vault.encryptionKeyArn,
        createdAt: vault.createdAt,
      },
    },
  });
}

function planEntity(
  plan: PlanRecord,
  where: Where,
  ctx: MappingContext,
): Entity {
  const { accountId, region, account } = where;
  const owner = resourceOwner(plan.tags, account, ctx.ownerTagKey);
  const dependsOn = new Set<string>();
  const copiesToAccounts = new Set<string>();
  for (const rule of plan.rules) {
    dependsOn.add(vaultEntityRef(rule.targetVaultName, accountId, region));
    const arns = [
      ...(rule.targetAirGappedVaultArn ? [rule.targetAirGappedVaultArn] : []),
      ...rule.copyActions.map(action => action.destinationVaultArn),
    ];
    for (const arn of arns) {
      const ref = vaultRefFromArn(arn);
      if (ref) dependsOn.add(ref);
    }
    for (const action of rule.copyActions) {
      const destination = parseVaultArn(action.destinationVaultArn);
      if (destination && destination.accountId !== accountId) {
        copiesToAccounts.add(destination.accountId);
      }
    }
  }
  return withoutUndefined({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: planEntityName(plan.id, accountId, region),
      title: `${plan.name} (${account.name}, ${region})`,
      description: `AWS Backup plan in the ${account.name} account (${accountId}), ${region}`,
      annotations: {
        ...resourceAnnotations(ctx, {
          scope: scopeKey('backup', accountId, region),
          accountId,
          arn: plan.arn,
          ownerSource: owner.source,
        }),
        [ANNOTATION_AWS_REGION]: region,
      },
      tags: ['aws', 'aws-backup'],
      links: [
        {
          url: `${consoleHome(region)}#/backupplan/details/${encodeURIComponent(
            plan.id,
          )}`,
          title: `Plan in the AWS Backup console (sign in to ${account.name})`,
          icon: 'cloud',
        },
      ],
    },
    spec: {
      type: AWS_ENTITY_TYPES.backupPlan,
      owner: owner.owner,
      partOf: account.entityRef,
      dependsOn: [...dependsOn],
      plan: {
        id: plan.id,
        name: plan.name,
        versionId: plan.versionId,
        region,
        rules: plan.rules,
        copiesToAccounts: [...copiesToAccounts].sort(),
        // Absent means unknown (not readable), [] means none.
        selections: plan.selections,
      },
    },
  });
}

function consoleHome(region: string): string {
  return `https://${region}.console.aws.amazon.com/backup/home?region=${region}`;
}

// Entities are stored as JSON: leave out what was not read rather than
// carrying `undefined` keys that vanish (or fail equality) later.
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(withoutUndefined) as T;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, withoutUndefined(v)]),
    ) as T;
  }
  return value;
}

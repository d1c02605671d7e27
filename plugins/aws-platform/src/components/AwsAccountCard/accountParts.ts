import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AWS_ENTITY_TYPES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** One entity that runs in an account, for a list of links. */
export interface AccountPart {
  entityRef: string;
  title: string;
}

/** What runs in an account, by kind of resource. */
export interface AccountParts {
  zones: AccountPart[];
  clusters: AccountPart[];
  vaults: AccountPart[];
  plans: AccountPart[];
}

const GROUP_OF: Record<string, keyof AccountParts> = {
  [AWS_ENTITY_TYPES.dnsZone]: 'zones',
  [AWS_ENTITY_TYPES.kubernetesCluster]: 'clusters',
  [AWS_ENTITY_TYPES.backupVault]: 'vaults',
  [AWS_ENTITY_TYPES.backupPlan]: 'plans',
};

/**
 * Sorts the entities that are part of an account into zones, clusters, vaults
 * and plans, each by title. Entities of other types are left out.
 */
export function toAccountParts(entities: Entity[]): AccountParts {
  const parts: AccountParts = {
    zones: [],
    clusters: [],
    vaults: [],
    plans: [],
  };
  for (const entity of entities) {
    const group = GROUP_OF[String(entity.spec?.type)];
    if (!group) continue;
    parts[group].push({
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title ?? entity.metadata.name,
    });
  }
  for (const list of Object.values(parts)) {
    list.sort((a: AccountPart, b: AccountPart) =>
      a.title.localeCompare(b.title),
    );
  }
  return parts;
}

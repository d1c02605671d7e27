import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_AWS_ARN } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** A vault entity a plan writes to, for a link. */
export interface VaultLink {
  entityRef: string;
  title: string;
}

/**
 * The vault entities among `entities` by their ARN (`amazonaws.com/arn`), so
 * that a rule's target and copy destinations, which AWS gives as names and
 * ARNs, link to their entities. ARNs are compared as AWS does: exactly.
 */
export function vaultLinksByArn(
  entities: Array<Entity | undefined>,
): Map<string, VaultLink> {
  const links = new Map<string, VaultLink>();
  for (const entity of entities) {
    const arn = entity?.metadata.annotations?.[ANNOTATION_AWS_ARN];
    if (!entity || !arn) continue;
    links.set(arn, {
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title ?? entity.metadata.name,
    });
  }
  return links;
}

/**
 * The ARN of the vault `vaultName` in the plan's own account and region,
 * from the plan's ARN (`arn:aws:backup:<region>:<account>:backup-plan:<id>`).
 */
export function localVaultArn(
  planArn: string | undefined,
  vaultName: string | undefined,
): string | undefined {
  if (!planArn || !vaultName) return undefined;
  const match = /^(arn:[a-z-]+:backup:[a-z0-9-]+:\d{12}):backup-plan:/.exec(
    planArn,
  );
  return match ? `${match[1]}:backup-vault:${vaultName}` : undefined;
}

import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_AWS_ACCOUNT_ID } from './annotations';
import { AWS_ENTITY_TYPES } from './entityTypes';

function isResourceOfType(entity: Entity, type: string): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === type
  );
}

/**
 * Whether an entity is an AWS account emitted by the suite.
 * @public
 */
export function isAwsAccountEntity(entity: Entity): boolean {
  return isResourceOfType(entity, AWS_ENTITY_TYPES.account);
}

/**
 * Whether an entity is an AWS Organizations OU or root emitted by the suite.
 * @public
 */
export function isAwsOrganizationalUnitEntity(entity: Entity): boolean {
  return isResourceOfType(entity, AWS_ENTITY_TYPES.organizationalUnit);
}

/**
 * Whether an entity lives in (or is) an AWS account.
 * @public
 */
export function isAwsEntity(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID]);
}

/**
 * Whether an entity is a Route 53 hosted zone emitted by the suite.
 * @public
 */
export function isDnsZoneEntity(entity: Entity): boolean {
  return isResourceOfType(entity, AWS_ENTITY_TYPES.dnsZone);
}

/**
 * Whether an entity is an EKS cluster emitted by the suite.
 * @public
 */
export function isEksClusterEntity(entity: Entity): boolean {
  return (
    isResourceOfType(entity, AWS_ENTITY_TYPES.kubernetesCluster) &&
    Boolean(entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID])
  );
}

/**
 * Whether an entity is an AWS Backup vault or plan emitted by the suite.
 * @public
 */
export function isBackupEntity(entity: Entity): boolean {
  return (
    isResourceOfType(entity, AWS_ENTITY_TYPES.backupVault) ||
    isResourceOfType(entity, AWS_ENTITY_TYPES.backupPlan)
  );
}

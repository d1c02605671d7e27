import type { Entity } from '@backstage/catalog-model';
import {
  isAwsAccountEntity,
  isAwsOrganizationalUnitEntity,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

export { isAwsServiceEntity } from '../components/AwsServiceCard/serviceDependencies';

/**
 * Whether an entity gets the account map tab: an AWS account or an
 * organizational unit, as the new system's
 * `entity-content:aws-platform/account-map` filters.
 * @public
 */
export function isAwsAccountMapEntity(entity: Entity): boolean {
  return isAwsAccountEntity(entity) || isAwsOrganizationalUnitEntity(entity);
}

/**
 * The AWS Platform suite's frontend for apps on the legacy frontend system:
 * the `createPlugin` plugin, its routable pages and entity cards (the same
 * components as the new system's extensions) and the predicates that choose
 * the cards. Published as the package's `./legacy` entry point.
 *
 * @packageDocumentation
 */

export { awsPlatformLegacyPlugin } from './plugin';
export {
  AwsAccessReviewPage,
  AwsAccountMapPage,
  AwsOwnershipPage,
  AwsPlatformPage,
  AwsRenderedFilesPage,
} from './pages';
export {
  EntityAwsAccountCard,
  EntityAwsBackupCard,
  EntityAwsServiceCard,
  EntityDnsZoneCard,
  EntityEksClusterCard,
} from './entityCards';
export { EntityAwsAccountMapContent } from './entityContent';
export {
  AwsChangesReviewFieldExtension,
  AwsResourcePickerFieldExtension,
  AwsOptionalStepFieldExtension,
} from './scaffolderFields';
export type { AwsChangesReviewOptions } from '../components/AwsChangesReview';
export type { AwsResourcePickerOptions } from '../components/AwsResourcePicker';
export type { AwsOptionalStepOptions } from '../components/AwsOptionalStep';
export { isAwsAccountMapEntity, isAwsServiceEntity } from './predicates';
export {
  isAwsAccountEntity,
  isAwsOrganizationalUnitEntity,
  isBackupEntity,
  isDnsZoneEntity,
  isEksClusterEntity,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
export { awsPlatformApiRef, AwsPlatformClient } from '../api';
export { awsCatalogColumns } from '../catalog/awsCatalogColumns';
export type { AwsPlatformApi } from '../api';

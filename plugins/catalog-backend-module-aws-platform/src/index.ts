/**
 * Catalog module of the AWS Platform suite: an entity provider that ingests
 * the AWS organization configured under `catalog.providers.awsPlatform` and
 * what runs in its accounts, and a processor that draws the relations
 * between them.
 *
 * @packageDocumentation
 */

import { catalogModuleAwsPlatform } from './catalogModuleAwsPlatform';

export { catalogModuleAwsPlatform };
export { INGESTION_STATUS_PATH } from './status/statusRouter';
export {
  awsPlatformCatalogConditions,
  hasAwsAccountRole,
  isInAwsAccount,
} from './permissions/permissionRules';
export { ANNOTATION_PROVIDER_ID } from './providerIdentity';

/**
 * The module, for `backend.add(import('@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform'))`.
 * @public
 */
export default catalogModuleAwsPlatform;

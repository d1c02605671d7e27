/**
 * The AWS Platform suite's frontend: the AWS organization in Backstage. This
 * entry point is the new frontend system's plugin (the default export) and
 * its extensions; apps on the legacy frontend system import from
 * `@aws-platform-suite/backstage-plugin-aws-platform/legacy` instead.
 *
 * It exports no page or card: the extensions load theirs on first use, and a
 * static re-export here would put every page and card in the script every
 * page of the app loads. `awsCatalogColumns` (catalog table columns) builds
 * on the catalog plugin, which that script holds already.
 *
 * @packageDocumentation
 */

export { awsPlatformPlugin as default } from './plugin';
export {
  awsAccessReviewPage,
  awsPlatformPage,
  awsOwnershipPage,
  awsRenderedFilesPage,
} from './plugin';
export {
  awsAccountEntityCard,
  awsServiceEntityCard,
  backupEntityCard,
  dnsZoneEntityCard,
  eksClusterEntityCard,
} from './extensions/entityCards';
export {
  awsAccountMapEntityContent,
  awsAccountMapSubPage,
  awsAccountsSubPage,
} from './extensions/accountMap';
export { awsChangesReviewFormField } from './extensions/changesReviewField';
export { awsResourcePickerFormField } from './extensions/resourcePickerField';
export { awsOptionalStepFormField } from './extensions/optionalStepField';
export { awsPlatformApi, awsPlatformApiRef, AwsPlatformClient } from './api';
export type { AwsPlatformApi } from './api';
export { awsPlatformTranslationRef } from './translation';
export { awsCatalogColumns } from './catalog/awsCatalogColumns';
export {
  accessReviewRouteRef,
  accountMapRouteRef,
  accountsRouteRef,
  ownershipRouteRef,
  renderedFilesRouteRef,
  rootRouteRef,
} from './routes';

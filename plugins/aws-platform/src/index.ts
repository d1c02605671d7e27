/**
 * The AWS Platform suite's frontend: the AWS organization in Backstage. This
 * entry point is the new frontend system's plugin (the default export) and
 * its extensions; apps on the legacy frontend system import from
 * `@internal/backstage-plugin-aws-platform/legacy` instead.
 *
 * @packageDocumentation
 */

export { awsPlatformPlugin as default } from './plugin';
export { awsPlatformPage, awsOwnershipPage } from './plugin';
export {
  awsAccountEntityCard,
  backupEntityCard,
  dnsZoneEntityCard,
  eksClusterEntityCard,
} from './extensions/entityCards';
export { AwsAccountCard } from './components/AwsAccountCard';
export { EksClusterCard } from './components/EksClusterCard';
export { DnsZoneCard } from './components/DnsZoneCard';
export { BackupCard } from './components/BackupCard';
export { OwnershipPage } from './components/OwnershipPage';
export {
  AccountMap,
  AccountMapPage,
  EntityAccountMapContent,
} from './components/AccountMap';
export type { AccountMapProps } from './components/AccountMap';
export {
  awsAccountMapEntityContent,
  awsAccountMapSubPage,
  awsAccountsSubPage,
} from './extensions/accountMap';
export { awsPlatformApi, awsPlatformApiRef, AwsPlatformClient } from './api';
export type { AwsPlatformApi } from './api';
export { awsPlatformTranslationRef } from './translation';
export {
  accountMapRouteRef,
  accountsRouteRef,
  ownershipRouteRef,
  rootRouteRef,
} from './routes';

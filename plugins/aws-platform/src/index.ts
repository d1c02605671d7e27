/**
 * The AWS Platform suite's frontend: the AWS organization in Backstage.
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
export { awsPlatformTranslationRef } from './translation';
export { ownershipRouteRef, rootRouteRef } from './routes';

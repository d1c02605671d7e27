import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  isAwsAccountEntity,
  isBackupEntity,
  isDnsZoneEntity,
  isEksClusterEntity,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
// The predicate only: the card itself loads on first use.
import { isAwsServiceEntity } from '../components/AwsServiceCard/serviceDependencies';

/*
 * Entity cards attach to the catalog's entity overview
 * (`entity-content:catalog/overview`), each only on the entities it fits.
 */

/**
 * `entity-card:aws-platform/account`: role, OU, owner, findings and what runs
 * in an AWS account.
 * @public
 */
export const awsAccountEntityCard = EntityCardBlueprint.make({
  name: 'account',
  params: {
    type: 'content',
    filter: isAwsAccountEntity,
    loader: () =>
      import('../components/AwsAccountCard').then(m => <m.AwsAccountCard />),
  },
});

/**
 * `entity-card:aws-platform/eks-cluster`: version support, Flightdeck, node
 * groups and add-ons of an EKS cluster.
 * @public
 */
export const eksClusterEntityCard = EntityCardBlueprint.make({
  name: 'eks-cluster',
  params: {
    type: 'content',
    filter: isEksClusterEntity,
    loader: () =>
      import('../components/EksClusterCard').then(m => <m.EksClusterCard />),
  },
});

/**
 * `entity-card:aws-platform/dns-zone`: name servers and delegation of a
 * Route 53 hosted zone.
 * @public
 */
export const dnsZoneEntityCard = EntityCardBlueprint.make({
  name: 'dns-zone',
  params: {
    type: 'content',
    filter: isDnsZoneEntity,
    loader: () =>
      import('../components/DnsZoneCard').then(m => <m.DnsZoneCard />),
  },
});

/**
 * `entity-card:aws-platform/backup`: an AWS Backup vault (lock, retention,
 * recovery points) or plan (rules, copies, selections).
 * @public
 */
export const backupEntityCard = EntityCardBlueprint.make({
  name: 'backup',
  params: {
    type: 'content',
    filter: isBackupEntity,
    loader: () =>
      import('../components/BackupCard').then(m => <m.BackupCard />),
  },
});

/**
 * `entity-card:aws-platform/service`: where a service runs in AWS, per
 * stage (account and id, EKS cluster and its support, hosts and their
 * zone's delegation, backups) and its owner; on components that depend on
 * the suite's entities (`isAwsServiceEntity`).
 * @public
 */
export const awsServiceEntityCard = EntityCardBlueprint.make({
  name: 'service',
  params: {
    type: 'content',
    filter: isAwsServiceEntity,
    loader: () =>
      import('../components/AwsServiceCard').then(m => <m.AwsServiceCard />),
  },
});

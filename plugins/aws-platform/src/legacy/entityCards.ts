import { createComponentExtension } from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { awsPlatformLegacyPlugin } from './plugin';

/*
 * The entity cards for a legacy app's `EntityPage.tsx`, each loaded when it
 * is first drawn. Put each inside an `<EntitySwitch.Case>` with the
 * predicate of the entities it fits (exported next to them).
 */

/**
 * Role, OU, owner, findings and what runs in an AWS account; for entities
 * matching `isAwsAccountEntity`.
 * @public
 */
export const EntityAwsAccountCard: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountCard',
      component: {
        lazy: () =>
          import('../components/AwsAccountCard').then(m => m.AwsAccountCard),
      },
    }),
  );

/**
 * Version support, Flightdeck, node groups and add-ons of an EKS cluster;
 * for entities matching `isEksClusterEntity`.
 * @public
 */
export const EntityEksClusterCard: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityEksClusterCard',
      component: {
        lazy: () =>
          import('../components/EksClusterCard').then(m => m.EksClusterCard),
      },
    }),
  );

/**
 * Name servers and delegation of a Route 53 hosted zone; for entities
 * matching `isDnsZoneEntity`.
 * @public
 */
export const EntityDnsZoneCard: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityDnsZoneCard',
      component: {
        lazy: () =>
          import('../components/DnsZoneCard').then(m => m.DnsZoneCard),
      },
    }),
  );

/**
 * An AWS Backup vault (lock, retention, recovery points) or plan (rules,
 * copies, selections); for entities matching `isBackupEntity`.
 * @public
 */
export const EntityAwsBackupCard: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsBackupCard',
      component: {
        lazy: () => import('../components/BackupCard').then(m => m.BackupCard),
      },
    }),
  );

/**
 * Where a service runs in AWS, per stage: account and id, EKS cluster and
 * its support, hosts and their zone's delegation, backups, and its owner;
 * for components matching `isAwsServiceEntity` (they depend on the suite's
 * accounts, clusters or zones).
 * @public
 */
export const EntityAwsServiceCard: () => JSX.Element | null =
  awsPlatformLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsServiceCard',
      component: {
        lazy: () =>
          import('../components/AwsServiceCard').then(m => m.AwsServiceCard),
      },
    }),
  );

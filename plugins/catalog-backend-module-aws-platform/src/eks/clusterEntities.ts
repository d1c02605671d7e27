import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_REGION,
  ANNOTATION_EKS_VERSION_SUPPORT,
  ANNOTATION_FLIGHTDECK,
  AWS_ENTITY_TYPES,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { scopedEntityName } from '../lib/entityName';
import {
  AccountInfo,
  MappingContext,
  resourceAnnotations,
  resourceOwner,
  scopeKey,
} from '../resources/mappingContext';
import { eksVersionSupport } from './eksVersionSupport';
import { parseFlightdeckClusterName } from './flightdeckClusterName';
import { eksKubernetesAnnotations } from './kubernetesAnnotations';
import type { ClusterRecord } from './types';

/** The clusters read in one account and region. */
export interface ClusterScope {
  accountId: string;
  region: string;
  clusters: ClusterRecord[];
}

/** Settings of {@link clustersToEntities}. */
export interface ClusterEntityOptions {
  /** The day version support is judged on. */
  today: Date;
  /**
   * A role in each cluster's account that the Kubernetes backend assumes to
   * reach the cluster, e.g. `backstage-kubernetes-read`. Omitted: the
   * backend's own credentials are used.
   */
  assumeRoleName?: string;
  /** External id for that AssumeRole, if its trust policy requires one. */
  externalId?: string;
  /** Told about clusters that are skipped. */
  warn?: (message: string) => void;
}

/**
 * Maps EKS clusters to catalog entities: one `Resource` of type
 * `kubernetes-cluster` per cluster, part of its account, carrying the
 * annotations the Kubernetes plugin's `catalog` cluster locator reads.
 * Clusters of accounts missing from `ctx.accounts` are skipped (and warned
 * about): without the account there is no owner to inherit or entity to
 * be part of.
 */
export function clustersToEntities(
  scopes: ReadonlyArray<ClusterScope>,
  ctx: MappingContext,
  options: ClusterEntityOptions,
): Entity[] {
  const entities: Entity[] = [];
  for (const scope of scopes) {
    const account = ctx.accounts.get(scope.accountId);
    if (!account) {
      if (scope.clusters.length > 0) {
        options.warn?.(
          `Skipped ${scope.clusters.length} EKS cluster(s) in ${scope.region}: account ${scope.accountId} is not in the organization`,
        );
      }
      continue;
    }
    for (const cluster of scope.clusters) {
      entities.push(
        clusterEntity(cluster, scope.region, account, ctx, options),
      );
    }
  }
  return entities;
}

/**
 * Entity name of a cluster, e.g. `acme-production-v1-715451680876-us-east-1`.
 * EKS names are unique per account and region and never change; a name that
 * is not spelled exactly (`My_Cluster`, or cut to fit) gets a hash of itself.
 */
export function clusterEntityName(
  clusterName: string,
  accountId: string,
  region: string,
): string {
  return scopedEntityName({ id: clusterName, scope: [accountId, region] });
}

function clusterEntity(
  cluster: ClusterRecord,
  region: string,
  account: AccountInfo,
  ctx: MappingContext,
  options: ClusterEntityOptions,
): Entity {
  const owner = resourceOwner(cluster.tags, account, ctx.ownerTagKey);
  const support = eksVersionSupport(cluster.version, options.today);
  const partition = arnPartition(cluster.arn);
  const flightdeck = cluster.flightdeck;
  const naming = flightdeck?.detected
    ? parseFlightdeckClusterName(cluster.name)
    : undefined;

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: clusterEntityName(cluster.name, account.id, region),
      title: cluster.name,
      description: `EKS cluster in ${account.name} (${region}), Kubernetes ${cluster.version}`,
      annotations: {
        ...resourceAnnotations(ctx, {
          scope: scopeKey('eks', account.id, region),
          accountId: account.id,
          arn: cluster.arn,
          ownerSource: owner.source,
        }),
        [ANNOTATION_AWS_REGION]: region,
        ...eksKubernetesAnnotations({
          clusterName: cluster.name,
          endpoint: cluster.endpoint,
          certificateAuthority: cluster.certificateAuthority,
          assumeRoleArn:
            options.assumeRoleName &&
            `arn:${partition}:iam::${account.id}:role/${options.assumeRoleName}`,
          externalId: options.externalId,
        }),
        // Left out when SSM could not be read: unknown is not "false".
        ...(flightdeck && {
          [ANNOTATION_FLIGHTDECK]: String(flightdeck.detected),
        }),
        [ANNOTATION_EKS_VERSION_SUPPORT]: support.status,
      },
      tags: ['aws', 'eks', ...(flightdeck?.detected ? ['flightdeck'] : [])],
      links: consoleLinks(partition, region, cluster.name),
    },
    spec: {
      type: AWS_ENTITY_TYPES.kubernetesCluster,
      owner: owner.owner,
      partOf: account.entityRef,
      cluster: {
        name: cluster.name,
        region,
        version: cluster.version,
        platformVersion: cluster.platformVersion,
        status: cluster.status,
        versionSupport: support,
        nodegroups: cluster.nodegroups,
        ...(cluster.addons && { addons: cluster.addons }),
        ...(flightdeck && {
          flightdeck: {
            detected: flightdeck.detected,
            ...(naming && {
              stage: naming.stage,
              generation: naming.generation,
            }),
          },
        }),
      },
    },
  };
}

function arnPartition(arn: string): string {
  return arn.split(':')[1] || 'aws';
}

// Only the commercial console has region-prefixed hosts we can rely on.
function consoleLinks(partition: string, region: string, clusterName: string) {
  if (partition !== 'aws') return [];
  return [
    {
      url: `https://${region}.console.aws.amazon.com/eks/home?region=${region}#/clusters/${encodeURIComponent(
        clusterName,
      )}`,
      title: 'Cluster in the EKS console',
      icon: 'cloud',
    },
  ];
}

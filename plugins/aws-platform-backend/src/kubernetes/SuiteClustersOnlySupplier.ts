import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import { AWS_ENTITY_TYPES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { selectSuiteIngestedClusters } from './suiteIngestedClusters';

/**
 * Wraps the Kubernetes plugin's cluster supplier (its configured
 * `clusterLocatorMethods`) and serves only the clusters the suite ingested;
 * see `suiteIngestedClusters.ts` for the rule and why.
 */
export class SuiteClustersOnlySupplier implements KubernetesClustersSupplier {
  private readonly warned = new Set<string>();

  constructor(
    private readonly options: {
      located: KubernetesClustersSupplier;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async getClusters(request: {
    credentials: BackstageCredentials;
  }): Promise<ClusterDetails[]> {
    const [clusters, entities] = await Promise.all([
      this.options.located.getClusters(request),
      this.readClusterEntities(),
    ]);
    const { served, refused } = selectSuiteIngestedClusters(clusters, entities);
    refused.forEach(cluster => this.warnOnce(cluster));
    return served;
  }

  // With the plugin's own credentials: whether a cluster is the suite's must
  // not depend on what the caller may see.
  private async readClusterEntities(): Promise<Entity[]> {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': AWS_ENTITY_TYPES.kubernetesCluster,
        },
        fields: ['metadata.name', 'metadata.annotations'],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return items;
  }

  // getClusters runs on every Kubernetes request; say it once per cluster.
  private warnOnce(cluster: ClusterDetails): void {
    const key = `${cluster.name}\n${cluster.url}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.logger.warn(
      'Not serving a Kubernetes cluster the AWS Platform suite did not ingest',
      { cluster: cluster.name },
    );
  }
}

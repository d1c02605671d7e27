import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { isSuiteLocationRef } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/*
 * Which of the clusters the Kubernetes plugin located may be served. The
 * plugin signs a token for every cluster it talks to (an EKS token from the
 * backend's AWS credentials, with the entity's assume-role annotation), so a
 * cluster entity anyone registered with their own API server URL would
 * receive that token. A cluster is served only when the suite's provider
 * emitted an entity of that name whose API server, CA and every
 * `kubernetes.io/*` annotation (what the plugin's auth strategies read) are
 * exactly the cluster's. The catalog writes `backstage.io/managed-by-location`
 * itself for entities read from a location, so a registered file cannot
 * claim the provider's location.
 */

const KUBERNETES_IO_PREFIX = 'kubernetes.io/';

/** The located clusters split into those the suite ingested and the rest. */
export interface ClusterSelection {
  served: ClusterDetails[];
  refused: ClusterDetails[];
}

/**
 * Splits located clusters by whether the suite ingested them.
 *
 * @param clusters - what the Kubernetes plugin's locators returned
 * @param clusterEntities - the catalog's `kubernetes-cluster` Resources
 */
export function selectSuiteIngestedClusters(
  clusters: ReadonlyArray<ClusterDetails>,
  clusterEntities: ReadonlyArray<Entity>,
): ClusterSelection {
  const suiteEntities = clusterEntities.filter(isSuiteEntity);
  const selection: ClusterSelection = { served: [], refused: [] };
  for (const cluster of clusters) {
    const ingested = suiteEntities.some(entity =>
      describesCluster(entity, cluster),
    );
    (ingested ? selection.served : selection.refused).push(cluster);
  }
  return selection;
}

function isSuiteEntity(entity: Entity): boolean {
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  return location !== undefined && isSuiteLocationRef(location);
}

function describesCluster(entity: Entity, cluster: ClusterDetails): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    entity.metadata.name === cluster.name &&
    annotations[ANNOTATION_KUBERNETES_API_SERVER] === cluster.url &&
    annotations[ANNOTATION_KUBERNETES_API_SERVER_CA] === cluster.caData &&
    sameEntries(kubernetesAnnotations(annotations), cluster.authMetadata)
  );
}

function kubernetesAnnotations(
  annotations: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(annotations).filter(([key]) =>
      key.startsWith(KUBERNETES_IO_PREFIX),
    ),
  );
}

// Both ways: a cluster missing the suite's assume-role annotation would be
// reached with the backend's own, possibly broader, credentials.
function sameEntries(
  expected: Record<string, string>,
  actual: Record<string, string>,
): boolean {
  const expectedKeys = Object.keys(expected);
  return (
    expectedKeys.length === Object.keys(actual).length &&
    expectedKeys.every(
      key => Object.hasOwn(actual, key) && actual[key] === expected[key],
    )
  );
}

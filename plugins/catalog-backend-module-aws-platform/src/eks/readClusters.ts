import {
  Cluster,
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  paginateListAddons,
  paginateListClusters,
  paginateListNodegroups,
} from '@aws-sdk/client-eks';
import { paginateGetParametersByPath, SSMClient } from '@aws-sdk/client-ssm';
import {
  collectPages,
  mapSettled,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  isAccessDenied,
  isOperationUnavailable,
  isResourceGone,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { FLIGHTDECK_PREFIX, flightdeckMarkers } from './flightdeckParameters';
import type {
  AddonRecord,
  ClusterRecord,
  FlightdeckMarker,
  NodegroupRecord,
} from './types';

/** EKS's largest page for ListClusters, ListNodegroups and ListAddons. */
const EKS_PAGE_SIZE = 100;
/** SSM's largest page for GetParametersByPath. */
const SSM_PAGE_SIZE = 10;
const DEFAULT_CONCURRENCY = 4;

/** Options of {@link readClusters}. */
export interface ReadClustersOptions {
  /** EKS calls in flight at once (the SSM read runs beside them). */
  concurrency?: number;
  /**
   * Only these clusters, as an event named them: no ListClusters, and each
   * one's Flightdeck parameters under its own path. One that is gone is
   * left out.
   */
  names?: readonly string[];
}

/**
 * Reads every EKS cluster of one account and region with its node groups,
 * add-ons and Flightdeck marker. I/O only.
 *
 * Throws if any call fails, because the caller treats account × region as one
 * scope and a partial read must never replace a complete one. Three
 * exceptions, none of which makes the result partial:
 * - the add-on API is denied or not served: that cluster's `addons` is
 *   undefined (unknown), the rest is read;
 * - SSM is denied: every cluster's `flightdeck` is undefined (unknown) rather
 *   than a false "not Flightdeck", and the clusters are still ingested;
 * - a cluster, node group or add-on deleted between List and Describe
 *   (ResourceNotFoundException) is left out, as it is gone.
 */
export async function readClusters(
  eks: EKSClient,
  ssm: SSMClient,
  options: ReadClustersOptions = {},
): Promise<ClusterRecord[]> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const names =
    options.names ??
    (await collectPages(
      paginateListClusters({ client: eks, pageSize: EKS_PAGE_SIZE }, {}),
      page => page.clusters,
    ));
  if (names.length === 0) return [];

  const [markers, shells] = await Promise.all([
    readFlightdeckMarkers(
      ssm,
      options.names
        ? names.map(name => `${FLIGHTDECK_PREFIX}${name}`)
        : [FLIGHTDECK_PREFIX],
      concurrency,
    ),
    settleAll(names, concurrency, name => readClusterShell(eks, name)),
  ]);
  const present = shells.filter((s): s is ClusterShell => s !== undefined);

  // Node group and add-on details of all clusters share one bounded queue.
  const nodegroups = present.map((): NodegroupRecord[] => []);
  const addons = present.map((): AddonRecord[] => []);
  const addonsUnreadable = new Set<number>();
  const tasks: Array<() => Promise<void>> = [];
  present.forEach((shell, i) => {
    for (const nodegroupName of shell.nodegroupNames) {
      tasks.push(async () => {
        const record = await describeNodegroup(eks, shell.name, nodegroupName);
        if (record) nodegroups[i].push(record);
      });
    }
    for (const addonName of shell.addonNames ?? []) {
      tasks.push(async () => {
        try {
          const record = await describeAddon(eks, shell.name, addonName);
          if (record) addons[i].push(record);
        } catch (error) {
          if (!isAddonApiUnreadable(error)) throw error;
          addonsUnreadable.add(i);
        }
      });
    }
  });
  await settleAll(tasks, concurrency, task => task());

  return present.map((shell, i) =>
    toRecord(shell, {
      nodegroups: nodegroups[i].sort(byName),
      addons:
        shell.addonNames && !addonsUnreadable.has(i)
          ? addons[i].sort(byName)
          : undefined,
      flightdeck: markers
        ? markers.get(shell.name) ?? { detected: false, parameters: [] }
        : undefined,
    }),
  );
}

interface ClusterShell {
  name: string;
  cluster: Cluster;
  nodegroupNames: string[];
  /** Undefined when the add-on API could not be read. */
  addonNames?: string[];
}

/** DescribeCluster, ListNodegroups and ListAddons; undefined if the cluster is gone. */
async function readClusterShell(
  eks: EKSClient,
  name: string,
): Promise<ClusterShell | undefined> {
  try {
    const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
    if (!cluster)
      throw new Error(`DescribeCluster ${name} returned no cluster`);
    const nodegroupNames = await collectPages(
      paginateListNodegroups(
        { client: eks, pageSize: EKS_PAGE_SIZE },
        { clusterName: name },
      ),
      page => page.nodegroups,
    );
    return {
      name,
      cluster,
      nodegroupNames,
      addonNames: await listAddonNames(eks, name),
    };
  } catch (error) {
    if (isResourceGone(error)) return undefined;
    throw error;
  }
}

async function listAddonNames(
  eks: EKSClient,
  clusterName: string,
): Promise<string[] | undefined> {
  try {
    return await collectPages(
      paginateListAddons(
        { client: eks, pageSize: EKS_PAGE_SIZE },
        { clusterName },
      ),
      page => page.addons,
    );
  } catch (error) {
    if (isAddonApiUnreadable(error)) return undefined;
    throw error;
  }
}

// Older read-only policies lack eks:ListAddons/DescribeAddon, and moto does
// not serve them; add-ons are optional detail, unlike the cluster itself.
function isAddonApiUnreadable(error: unknown): boolean {
  return isAccessDenied(error) || isOperationUnavailable(error);
}

async function describeNodegroup(
  eks: EKSClient,
  clusterName: string,
  nodegroupName: string,
): Promise<NodegroupRecord | undefined> {
  try {
    const { nodegroup } = await eks.send(
      new DescribeNodegroupCommand({ clusterName, nodegroupName }),
    );
    return {
      name: nodegroup?.nodegroupName ?? nodegroupName,
      status: nodegroup?.status ?? 'UNKNOWN',
      ...(nodegroup?.version && { version: nodegroup.version }),
      instanceTypes: nodegroup?.instanceTypes ?? [],
      ...withNumber('desiredSize', nodegroup?.scalingConfig?.desiredSize),
      ...withNumber('minSize', nodegroup?.scalingConfig?.minSize),
      ...withNumber('maxSize', nodegroup?.scalingConfig?.maxSize),
    };
  } catch (error) {
    if (isResourceGone(error)) return undefined;
    throw error;
  }
}

async function describeAddon(
  eks: EKSClient,
  clusterName: string,
  addonName: string,
): Promise<AddonRecord | undefined> {
  try {
    const { addon } = await eks.send(
      new DescribeAddonCommand({ clusterName, addonName }),
    );
    return {
      name: addon?.addonName ?? addonName,
      ...(addon?.addonVersion && { version: addon.addonVersion }),
      ...(addon?.status && { status: addon.status }),
    };
  } catch (error) {
    if (isResourceGone(error)) return undefined;
    throw error;
  }
}

/**
 * One paged GetParametersByPath per path (the whole account and region's
 * `/flightdeck/`, or each named cluster's), names only. Undefined when SSM
 * is denied: the marker is then unknown, not false.
 */
async function readFlightdeckMarkers(
  ssm: SSMClient,
  paths: readonly string[],
  concurrency: number,
): Promise<Map<string, FlightdeckMarker> | undefined> {
  try {
    const pages = await settleAll(paths, concurrency, path =>
      collectPages(
        paginateGetParametersByPath(
          { client: ssm, pageSize: SSM_PAGE_SIZE },
          { Path: path, Recursive: true, WithDecryption: false },
        ),
        page => page.Parameters,
      ),
    );
    const parameters = pages.flat();
    return flightdeckMarkers(
      parameters.flatMap(parameter => (parameter.Name ? [parameter.Name] : [])),
    );
  } catch (error) {
    if (isAccessDenied(error)) return undefined;
    throw error;
  }
}

function toRecord(
  { name, cluster }: ClusterShell,
  details: Pick<ClusterRecord, 'nodegroups' | 'addons' | 'flightdeck'>,
): ClusterRecord {
  return {
    name: cluster.name ?? name,
    arn: cluster.arn ?? '',
    version: cluster.version ?? '',
    platformVersion: cluster.platformVersion ?? '',
    status: cluster.status ?? 'UNKNOWN',
    ...(cluster.endpoint && { endpoint: cluster.endpoint }),
    ...(cluster.certificateAuthority?.data && {
      certificateAuthority: cluster.certificateAuthority.data,
    }),
    ...(cluster.identity?.oidc?.issuer && {
      oidcIssuer: cluster.identity.oidc.issuer,
    }),
    ...(cluster.createdAt && { createdAt: cluster.createdAt.toISOString() }),
    tags: cluster.tags ?? {},
    nodegroups: details.nodegroups,
    ...(details.addons && { addons: details.addons }),
    ...(details.flightdeck && { flightdeck: details.flightdeck }),
  };
}

function withNumber<K extends string>(
  key: K,
  value: number | undefined,
): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}

/**
 * Like Promise.all with bounded concurrency: throws the first failure. After
 * it no new call starts, since the scope has failed and more calls would only
 * spend its request quota.
 */
async function settleAll<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const state: { failure?: { error: unknown } } = {};
  const results = await mapSettled(items, concurrency, async item => {
    if (state.failure) return undefined;
    try {
      return await fn(item);
    } catch (error) {
      state.failure ??= { error };
      throw error;
    }
  });
  if (state.failure) throw state.failure.error;
  return results.map(result => (result as PromiseFulfilledResult<R>).value);
}

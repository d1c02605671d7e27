import {
  Addon,
  Cluster,
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  InsightSummary,
  Nodegroup,
  paginateListAddons,
  paginateListInsights,
  paginateListNodegroups,
} from '@aws-sdk/client-eks';
import type { LiveSectionGap } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { collectPages } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { mapAllOrThrow } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { isResourceGone } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { readOptional } from '../awsFailures';

/** EKS's largest page for ListNodegroups, ListAddons and ListInsights. */
const PAGE_SIZE = 100;
/** Describe calls in flight per list; the client factory paces them further. */
const DESCRIBE_CONCURRENCY = 4;

/** What EKS says about one cluster, as the SDK returns it. */
export interface ClusterLiveRead {
  cluster: Cluster;
  nodegroups: Nodegroup[];
  addons: { value: Addon[] } | { gap: LiveSectionGap };
  insights: { value: InsightSummary[] } | { gap: LiveSectionGap };
}

/**
 * Reads a cluster, its node groups, add-ons and upgrade insights. I/O only.
 * The cluster and node groups must be readable; add-ons and insights are
 * optional (older read-only policies lack them, and some endpoints do not
 * serve them). Node groups and add-ons deleted between List and Describe
 * are left out.
 */
export async function readClusterLive(
  eks: EKSClient,
  clusterName: string,
): Promise<ClusterLiveRead> {
  const [described, nodegroups, addons, insights] = await Promise.all([
    eks.send(new DescribeClusterCommand({ name: clusterName })),
    readNodegroups(eks, clusterName),
    readOptional(() => readAddons(eks, clusterName)),
    readOptional(() =>
      collectPages(
        paginateListInsights(
          { client: eks, pageSize: PAGE_SIZE },
          { clusterName },
        ),
        page => page.insights,
      ),
    ),
  ]);
  if (!described.cluster) {
    throw new Error(`DescribeCluster ${clusterName} returned no cluster`);
  }
  return { cluster: described.cluster, nodegroups, addons, insights };
}

async function readNodegroups(
  eks: EKSClient,
  clusterName: string,
): Promise<Nodegroup[]> {
  const names = await collectPages(
    paginateListNodegroups(
      { client: eks, pageSize: PAGE_SIZE },
      { clusterName },
    ),
    page => page.nodegroups,
  );
  return describeEach(names, async nodegroupName => {
    const { nodegroup } = await eks.send(
      new DescribeNodegroupCommand({ clusterName, nodegroupName }),
    );
    return nodegroup;
  });
}

async function readAddons(
  eks: EKSClient,
  clusterName: string,
): Promise<Addon[]> {
  const names = await collectPages(
    paginateListAddons({ client: eks, pageSize: PAGE_SIZE }, { clusterName }),
    page => page.addons,
  );
  return describeEach(names, async addonName => {
    const { addon } = await eks.send(
      new DescribeAddonCommand({ clusterName, addonName }),
    );
    return addon;
  });
}

/** Describes each name with bounded concurrency; the first failure is thrown. */
async function describeEach<T>(
  names: string[],
  describe: (name: string) => Promise<T | undefined>,
): Promise<T[]> {
  const described = await mapAllOrThrow(
    names,
    DESCRIBE_CONCURRENCY,
    async name => {
      try {
        return await describe(name);
      } catch (error) {
        if (isResourceGone(error)) return undefined;
        throw error;
      }
    },
  );
  return described.filter((value): value is T => value !== undefined);
}

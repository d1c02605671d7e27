import type { Addon, InsightSummary, Nodegroup } from '@aws-sdk/client-eks';
import type {
  LiveAddon,
  LiveClusterStatus,
  LiveHealthIssue,
  LiveInsight,
  LiveNodegroup,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { ClusterTarget } from '../liveTargets';
import { optionalField } from '../optionalField';
import type { ClusterLiveRead } from './readClusterLive';

/** A live cluster answer before the request's entity ref is added. */
export type ClusterLiveBody = Omit<LiveClusterStatus, 'entityRef'>;

/**
 * Maps what EKS returned to the DTO the browser gets. Pure: keeps only the
 * fields the cards show, never the endpoint, certificate or role ARNs.
 * Lists are sorted by name so that answers compare stably.
 */
export function clusterLiveStatus(
  target: ClusterTarget,
  read: ClusterLiveRead,
  readAt: Date,
): ClusterLiveBody {
  const { cluster } = read;
  return {
    readAt: readAt.toISOString(),
    cluster: {
      name: cluster.name ?? target.name,
      accountId: target.accountId,
      region: target.region,
      status: cluster.status ?? 'UNKNOWN',
      ...optionalField('version', cluster.version),
      ...optionalField('platformVersion', cluster.platformVersion),
      ...optionalField('supportType', cluster.upgradePolicy?.supportType),
      health: healthOf(cluster.health?.issues),
    },
    nodegroups: read.nodegroups.map(nodegroupOf).sort(byName),
    ...('value' in read.addons && {
      addons: read.addons.value.map(addonOf).sort(byName),
    }),
    ...('value' in read.insights && {
      insights: read.insights.value.map(insightOf).sort(byInsight),
    }),
    gaps: {
      ...('gap' in read.addons && { addons: read.addons.gap }),
      ...('gap' in read.insights && { insights: read.insights.gap }),
    },
  };
}

function nodegroupOf(nodegroup: Nodegroup): LiveNodegroup {
  const scaling = nodegroup.scalingConfig;
  return {
    name: nodegroup.nodegroupName ?? '',
    status: nodegroup.status ?? 'UNKNOWN',
    ...optionalField('version', nodegroup.version),
    ...optionalField('releaseVersion', nodegroup.releaseVersion),
    ...optionalField('capacityType', nodegroup.capacityType),
    ...optionalField('amiType', nodegroup.amiType),
    instanceTypes: nodegroup.instanceTypes ?? [],
    ...optionalField('desiredSize', scaling?.desiredSize),
    ...optionalField('minSize', scaling?.minSize),
    ...optionalField('maxSize', scaling?.maxSize),
    health: healthOf(nodegroup.health?.issues),
    ...optionalField('modifiedAt', nodegroup.modifiedAt?.toISOString()),
  };
}

function addonOf(addon: Addon): LiveAddon {
  return {
    name: addon.addonName ?? '',
    ...optionalField('version', addon.addonVersion),
    ...optionalField('status', addon.status),
    health: healthOf(addon.health?.issues),
    ...optionalField('modifiedAt', addon.modifiedAt?.toISOString()),
  };
}

function insightOf(insight: InsightSummary): LiveInsight {
  return {
    id: insight.id ?? '',
    name: insight.name ?? insight.id ?? '',
    ...optionalField('category', insight.category),
    ...optionalField('kubernetesVersion', insight.kubernetesVersion),
    status: insight.insightStatus?.status ?? 'UNKNOWN',
    ...optionalField('reason', insight.insightStatus?.reason),
    ...optionalField('description', insight.description),
    ...optionalField('lastRefreshedAt', insight.lastRefreshTime?.toISOString()),
  };
}

function healthOf(
  issues: Array<{ code?: string; message?: string }> | undefined,
): LiveHealthIssue[] {
  return (issues ?? []).map(issue => ({
    code: issue.code ?? 'Unknown',
    ...optionalField('message', issue.message),
  }));
}

/** Worst first, so that what needs attention leads. */
const INSIGHT_ORDER = ['ERROR', 'WARNING', 'UNKNOWN', 'PASSING'];

function byInsight(a: LiveInsight, b: LiveInsight): number {
  const rank = (insight: LiveInsight) => {
    const index = INSIGHT_ORDER.indexOf(insight.status);
    return index < 0 ? INSIGHT_ORDER.length : index;
  };
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}

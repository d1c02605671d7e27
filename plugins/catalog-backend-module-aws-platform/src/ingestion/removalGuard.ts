/**
 * What the catalog holds from the provider's last applied run: the refs of
 * its entities and the organizations they were read from (normally one).
 * Empty refs mean the provider never applied anything: a known first run.
 */
export interface LastAppliedRun {
  organizationIds: readonly string[];
  refs: ReadonlySet<string>;
  /** The AWS resource (`amazonaws.com/arn`) behind each ref, where known. */
  arnOf?: ReadonlyMap<string, string>;
}

/** What a run is about to apply. */
export interface NextRun {
  organizationId: string;
  refs: readonly string[];
  /** The ARNs of its entities. */
  arns?: readonly string[];
}

/** The guard's settings, from `catalog.providers.awsPlatform`. */
export interface RemovalPolicy {
  /** Share of the last run's entities a run may remove. */
  maxRemovalShare: number;
  /** An organization the provider may move away from (config `organization.allowChangeFrom`). */
  allowChangeFrom?: string;
}

/** The guard's verdict; a refusal names its reason for the status API. */
export type RemovalDecision =
  | { allowed: true; removed: number }
  | {
      allowed: false;
      errorName: 'RemovalRefused' | 'OrganizationChanged';
      reason: string;
    };

/** How many removed refs a refusal names, so the log shows what was at stake. */
const EXAMPLES = 3;

/**
 * Whether a run may replace the last applied run. Set-based: an entity is
 * removed when its ref was applied last time and neither it nor its AWS
 * resource (ARN) is in this run, so dropping 40 entities while adding 40
 * others is still 40 removals, while renaming them is none. A run
 * that reads another organization than the last one replaces everything, so
 * it is refused unless config names the organization it moves away from.
 */
export function checkRemoval(
  last: LastAppliedRun,
  next: NextRun,
  policy: RemovalPolicy,
): RemovalDecision {
  const others = last.organizationIds.filter(id => id !== next.organizationId);
  if (others.length > 0) {
    if (others.every(id => id === policy.allowChangeFrom)) {
      // An intended move: the old organization's entities all go.
      return { allowed: true, removed: last.refs.size };
    }
    return {
      allowed: false,
      errorName: 'OrganizationChanged',
      reason: `the catalog holds entities of organization ${others.join(
        ', ',
      )} and this run read ${
        next.organizationId
      }; set catalog.providers.awsPlatform.organization.allowChangeFrom to ${
        others[0]
      } if the move is intended`,
    };
  }
  const nextRefs = new Set(next.refs);
  const nextArns = new Set(next.arns ?? []);
  // An entity renamed for the same AWS resource (a new naming scheme) is
  // not a removal: the resource is still in the catalog.
  const removed = [...last.refs].filter(ref => {
    const arn = last.arnOf?.get(ref);
    return !nextRefs.has(ref) && !(arn && nextArns.has(arn));
  });
  if (
    last.refs.size === 0 ||
    removed.length / last.refs.size <= policy.maxRemovalShare
  ) {
    return { allowed: true, removed: removed.length };
  }
  return {
    allowed: false,
    errorName: 'RemovalRefused',
    reason: `the run would remove ${removed.length} of the ${
      last.refs.size
    } entities of the last applied run (${Math.round(
      (removed.length / last.refs.size) * 100,
    )}%, e.g. ${removed
      .slice(0, EXAMPLES)
      .join(', ')}), more than the ${Math.round(
      policy.maxRemovalShare * 100,
    )}% allowed by catalog.providers.awsPlatform.maxRemovalShare`,
  };
}

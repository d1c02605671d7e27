import { delegationOfBoth, EventChange } from './eventChange';

/**
 * A change waiting in the consumer's coalescer, with how often it was read
 * to see an operation end, and the journal entries it stands for.
 */
export type QueuedChange = EventChange & {
  settleReads?: number;
  journalIds?: readonly string[];
};

/** Two changes of one key as one re-read that covers both, and both's entries. */
export function mergeQueuedChanges(
  earlier: QueuedChange,
  later: QueuedChange,
): QueuedChange {
  return {
    ...mergeChanges(earlier, later),
    journalIds: [...(earlier.journalIds ?? []), ...(later.journalIds ?? [])],
  };
}

function mergeChanges(
  earlier: QueuedChange,
  later: QueuedChange,
): QueuedChange {
  if (earlier.kind === 'accountTags' && later.kind === 'accountTags') {
    return { ...later, tagKeys: namesOfBoth(earlier.tagKeys, later.tagKeys) };
  }
  return earlier.kind === 'scope' && later.kind === 'scope'
    ? {
        ...later,
        ...delegationOfBoth(earlier, later),
        clusters: namesOfBoth(earlier.clusters, later.clusters),
        plans: namesOfBoth(earlier.plans, later.plans),
        // Each event's zone change, in order; none named: the account.
        zones:
          earlier.zones && later.zones
            ? [...earlier.zones, ...later.zones]
            : undefined,
        settleReads: Math.min(earlier.settleReads ?? 0, later.settleReads ?? 0),
      }
    : later;
}

/** Both changes' clusters, plans or tag keys; undefined (any) if either named none. */
function namesOfBoth(
  earlier: readonly string[] | undefined,
  later: readonly string[] | undefined,
): readonly string[] | undefined {
  return earlier && later ? [...new Set([...earlier, ...later])] : undefined;
}

/**
 * The one ownership rule of every action: a change may create something new,
 * or converge something that carries the suite's proof of ownership for the
 * same request lineage. Anything else that exists is a conflict, refused
 * before any write. Pure: the actions read tags, call {@link judgeExisting}
 * in their plan, and write {@link ownershipTags} on what they create.
 */
import { createHash } from 'node:crypto';

/**
 * Tag keys the suite writes on what its actions create. Their prefix was
 * `aws-platform.io/` up to version 0.1: see {@link LEGACY_OWNERSHIP_TAG}.
 */
export const OWNERSHIP_TAG = {
  /** Always {@link MANAGED_BY_VALUE}: the suite made this. */
  managedBy: 'aws-platform-suite.github.io/managed-by',
  /** Which request made it (see {@link lineageOf}); a rerun must match it. */
  lineage: 'aws-platform-suite.github.io/lineage',
  /** The user entity ref of who asked, e.g. user:default/jane. */
  createdBy: 'aws-platform-suite.github.io/created-by',
  /** The scaffolder task that created it. */
  task: 'aws-platform-suite.github.io/task-id',
} as const;

/**
 * The same tags as version 0.1 of the suite wrote them, under its former
 * prefix `aws-platform.io/`. Never written; read as proof of ownership when
 * the current key is absent, so what 0.1 made converges instead of
 * conflicting (see "Migrating from 0.1" in the package README).
 */
export const LEGACY_OWNERSHIP_TAG = {
  managedBy: 'aws-platform.io/managed-by',
  lineage: 'aws-platform.io/lineage',
  createdBy: 'aws-platform.io/created-by',
  task: 'aws-platform.io/task-id',
} as const satisfies Record<keyof typeof OWNERSHIP_TAG, string>;

/** The value of the managed-by tag. */
export const MANAGED_BY_VALUE = 'backstage-aws-platform';

/** The suite's ownership tags of a resource, whichever prefix carried them. */
export type OwnershipMark = Partial<Record<keyof typeof OWNERSHIP_TAG, string>>;

/**
 * Reads the suite's ownership tags from a resource's tags: each from its
 * current key, else from its 0.1 key. A current key always wins, so a
 * resource cannot be claimed by adding 0.1 tags next to current ones that
 * say otherwise.
 */
export function ownershipMarkOf(tags: Record<string, string>): OwnershipMark {
  const keys = Object.keys(OWNERSHIP_TAG) as (keyof typeof OWNERSHIP_TAG)[];
  return Object.fromEntries(
    keys.flatMap(key => {
      const value = Object.hasOwn(tags, OWNERSHIP_TAG[key])
        ? tags[OWNERSHIP_TAG[key]]
        : tags[LEGACY_OWNERSHIP_TAG[key]];
      return value === undefined ? [] : [[key, value]];
    }),
  );
}

/** Whether the tags say the suite made the resource (current or 0.1 keys). */
export function isMadeBySuite(tags: Record<string, string>): boolean {
  return ownershipMarkOf(tags).managedBy === MANAGED_BY_VALUE;
}

/** Who asked for a change: written as tags and used as the STS session. */
export interface Requester {
  /** The user entity ref, e.g. user:default/jane; absent for a service. */
  userEntityRef?: string;
  taskId: string;
}

/**
 * The lineage of a request: a short stable digest of the action and the
 * facts that make two runs "the same request" (for a workload its app,
 * owner and GitHub repository; for a zone its name, account and owner).
 * Reruns and resumes of that request match it; anyone else's does not.
 */
export function lineageOf(
  action: string,
  facts: Record<string, string>,
): string {
  // JSON, so no value can imitate a separator between two facts.
  const canonical = JSON.stringify([
    action,
    ...Object.keys(facts)
      .sort()
      .map(key => [key, facts[key]]),
  ]);
  const digest = createHash('sha256').update(canonical).digest('hex');
  return `${action.split(':').slice(1).join('-')}-${digest.slice(0, 24)}`;
}

/** The tags that prove the suite made a resource for this lineage. */
export function ownershipTags(
  lineage: string,
  requester: Requester,
): Record<string, string> {
  return {
    [OWNERSHIP_TAG.managedBy]: MANAGED_BY_VALUE,
    [OWNERSHIP_TAG.lineage]: lineage,
    [OWNERSHIP_TAG.createdBy]: requester.userEntityRef ?? 'unknown',
    [OWNERSHIP_TAG.task]: requester.taskId,
  };
}

/** What the plan may do with one resource. */
export type OwnershipVerdict =
  | { kind: 'create' }
  | { kind: 'converge' }
  | { kind: 'conflict'; reason: string };

/**
 * Judges one resource the action needs. `existing` is undefined when the
 * resource does not exist, else its tags (an empty object when it has none);
 * the suite's tags are read with {@link ownershipMarkOf}, so the 0.1 keys
 * count too.
 * `what` names it for the conflict reason, e.g. "The ECR repository acme/shop
 * in the Operations account". The reason says who owns it (from tags only,
 * never a policy document) so the user knows whom to ask.
 */
export function judgeExisting(
  existing: Record<string, string> | undefined,
  lineage: string,
  what: string,
): OwnershipVerdict {
  if (existing === undefined) {
    return { kind: 'create' };
  }
  const mark = ownershipMarkOf(existing);
  if (mark.managedBy !== MANAGED_BY_VALUE) {
    const owner = existing.owner ? ` (owner tag: ${existing.owner})` : '';
    return {
      kind: 'conflict',
      reason: `${what} already exists and was not made by the AWS Platform suite${owner}; it was left as it is`,
    };
  }
  if (mark.lineage !== lineage) {
    const by = mark.createdBy ?? 'an unknown user';
    return {
      kind: 'conflict',
      reason: `${what} already exists, made by the AWS Platform suite for another request (created by ${by}); it was left as it is`,
    };
  }
  return { kind: 'converge' };
}

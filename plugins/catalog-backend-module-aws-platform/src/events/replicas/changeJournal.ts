import type { EventChange } from '../eventChange';

/** A change kept in the {@link ChangeJournal}. */
export interface JournalEntry {
  id: string;
  /** The coalescing key of the change. */
  key: string;
  change: EventChange;
  /** How many replicas have taken it, the first included. */
  takes: number;
}

/**
 * The changes replicas took from the events topic and have not applied
 * yet, per provider, each leased to the replica handling it. A live
 * replica renews its leases; a dead one's run out, and another replica
 * takes its changes over. Shared by every replica.
 */
export interface ChangeJournal {
  /** Keeps a change that `holder` took, leased to it until `leaseUntil`. */
  keep(
    provider: string,
    key: string,
    change: EventChange,
    holder: string,
    times: { now: number; leaseUntil: number },
  ): Promise<string>;
  /** Extends every lease `holder` has. */
  renew(provider: string, holder: string, leaseUntil: number): Promise<void>;
  /**
   * Remembers that these changes were applied from a read that began at
   * `readAt`: the latest read per key is kept.
   */
  recordApplied(
    provider: string,
    changes: readonly { key: string; change: EventChange }[],
    readAt: number,
  ): Promise<void>;
  /**
   * After a full refresh that began at `since` and applied at `until`:
   * the changes applied from reads in between may have been replaced by
   * the refresh's older reads, so they are kept again, free for any
   * replica to take. Older applied changes are forgotten (the refresh read
   * their scopes after them). Answers how many were kept again.
   */
  requeueApplied(
    provider: string,
    since: number,
    until: number,
  ): Promise<number>;
  /** Forgets changes that were applied (or dropped on purpose). */
  forget(ids: readonly string[]): Promise<void>;
  /** Ends `holder`'s leases of these changes, for any replica to take. */
  giveBack(ids: readonly string[], holder: string): Promise<void>;
  /**
   * Takes over up to `limit` changes whose lease ran out (oldest first),
   * leased to `holder` until `leaseUntil`: each to one replica only.
   */
  takeAbandoned(
    provider: string,
    holder: string,
    times: { now: number; leaseUntil: number },
    limit: number,
  ): Promise<JournalEntry[]>;
}

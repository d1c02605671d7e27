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

/**
 * Which replica is reading an account's changes now, per provider, so that
 * one replica at a time reads and applies them: two deltas of one scope
 * are then applied in the order they were read. Shared by every replica.
 */
export interface ScopeLeases {
  /**
   * Leases the accounts to `holder` until `leaseUntil`, each unless
   * another replica's lease on it is running; answers those leased.
   */
  take(
    provider: string,
    accountIds: readonly string[],
    holder: string,
    times: { now: number; leaseUntil: number },
  ): Promise<Set<string>>;
  /** Extends every lease `holder` has. */
  renew(provider: string, holder: string, leaseUntil: number): Promise<void>;
  /** Ends `holder`'s leases on these accounts. */
  release(
    provider: string,
    accountIds: readonly string[],
    holder: string,
  ): Promise<void>;
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventChange } from '../eventChange';
import type { ChangeJournal, JournalEntry } from './changeJournal';
import type { ScopeLeases } from './scopeLeases';

/** What a {@link ReplicaHandoff} needs. */
export interface ReplicaHandoffOptions {
  providerName: string;
  journal: ChangeJournal;
  leases: ScopeLeases;
  logger: LoggerService;
  /**
   * How long a lease runs unless renewed (renewed every third of it): a
   * dead replica's changes are taken over this long after it stopped.
   * Default 60 s.
   */
  leaseMs?: number;
  /** How often a change may be taken before it is dropped. Default 3. */
  maxTakes?: number;
  /** Changes taken over per sweep at most. Default 500. */
  takeLimit?: number;
}

/** What the replica does with the changes it takes over. */
export interface HandoffListener {
  /** Changes another replica took and stopped handling. */
  taken(entries: JournalEntry[]): void;
  /** Changes dropped after `maxTakes` (they may stop replicas). */
  dropped(entries: JournalEntry[]): void;
}

/**
 * One replica's side of the shared event path: keeps each change it takes
 * from the topic in the {@link ChangeJournal} until it is applied, renews
 * its leases while it lives, takes over the changes of replicas that died,
 * and leases the accounts it reads so that no other replica reads them
 * meanwhile.
 */
export class ReplicaHandoff {
  /**
   * This replica, as the journal and leases name it: host and process, for
   * an operator to tell which one holds what, and a random part.
   */
  readonly holder = `${hostname().slice(0, 200)}:${
    process.pid
  }:${randomUUID()}`;
  readonly #o: ReplicaHandoffOptions;
  readonly #leaseMs: number;
  #timer?: ReturnType<typeof setInterval>;
  #beating = false;

  constructor(options: ReplicaHandoffOptions) {
    this.#o = options;
    this.#leaseMs = options.leaseMs ?? 60_000;
  }

  /** Starts renewing leases and sweeping for abandoned changes (once now). */
  start(listener: HandoffListener): void {
    if (this.#timer) return;
    const beat = () => void this.#beat(listener);
    this.#timer = setInterval(beat, Math.max(1, this.#leaseMs / 3));
    this.#timer.unref?.();
    beat();
  }

  /** Stops; the changes and accounts held are left for other replicas at once. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    const { providerName, journal, leases } = this.#o;
    await journal.renew(providerName, this.holder, 0);
    await leases.renew(providerName, this.holder, 0);
  }

  /** Keeps a change this replica took; answers its journal id. */
  keep(key: string, change: EventChange): Promise<string> {
    return this.#o.journal.keep(
      this.#o.providerName,
      key,
      change,
      this.holder,
      this.#times(),
    );
  }

  /**
   * Forgets changes that were applied, and remembers what was applied from
   * a read that began at `readAt` (for a full refresh that overlaps it).
   */
  async done(
    ids: readonly string[],
    applied: readonly { key: string; change: EventChange }[],
    readAt: number,
  ): Promise<void> {
    const { journal, providerName } = this.#o;
    await journal.recordApplied(providerName, applied, readAt);
    await journal.forget(ids);
  }

  /** Leaves changes this replica could not apply for the next sweep. */
  giveBack(ids: readonly string[]): Promise<void> {
    return this.#o.journal.giveBack(ids, this.holder);
  }

  /** Leases the accounts no other replica is reading; answers those leased. */
  leaseAccounts(accountIds: readonly string[]): Promise<Set<string>> {
    return this.#o.leases.take(
      this.#o.providerName,
      accountIds,
      this.holder,
      this.#times(),
    );
  }

  /** Ends this replica's leases on the accounts it has read. */
  releaseAccounts(accountIds: readonly string[]): Promise<void> {
    return this.#o.leases.release(
      this.#o.providerName,
      accountIds,
      this.holder,
    );
  }

  #times(): { now: number; leaseUntil: number } {
    const now = Date.now();
    return { now, leaseUntil: now + this.#leaseMs };
  }

  async #beat(listener: HandoffListener): Promise<void> {
    // A slow database must not stack beats up.
    if (this.#beating) return;
    this.#beating = true;
    const { providerName, journal, leases, logger } = this.#o;
    const times = this.#times();
    try {
      await journal.renew(providerName, this.holder, times.leaseUntil);
      await leases.renew(providerName, this.holder, times.leaseUntil);
      const entries = await journal.takeAbandoned(
        providerName,
        this.holder,
        times,
        this.#o.takeLimit ?? 500,
      );
      const maxTakes = this.#o.maxTakes ?? 3;
      const dropped = entries.filter(entry => entry.takes > maxTakes);
      await journal.forget(dropped.map(entry => entry.id));
      if (dropped.length > 0) listener.dropped(dropped);
      const taken = entries.filter(entry => entry.takes <= maxTakes);
      if (taken.length > 0) listener.taken(taken);
    } catch (error) {
      // The next beat tries again; until then leases may run out, and
      // another replica then takes this one's changes (read twice, no loss).
      logger.warn(`Could not renew this replica's event leases: ${error}`);
    } finally {
      this.#beating = false;
    }
  }
}

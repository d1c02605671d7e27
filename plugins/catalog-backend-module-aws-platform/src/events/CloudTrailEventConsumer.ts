import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventParams } from '@backstage/plugin-events-node';
import { ChangeCoalescer } from './ChangeCoalescer';
import { parseCloudTrailEvent } from './cloudTrailEvent';
import { changeOfEvent, EventChange, ScopeChange } from './eventChange';
import { mergeQueuedChanges, QueuedChange } from './queuedChange';
import type { JournalEntry } from './replicas/changeJournal';
import type { ReplicaHandoff } from './replicas/ReplicaHandoff';
import type { ScopeRefresher } from './ScopeRefresher';

/** What a {@link CloudTrailEventConsumer} needs. */
export interface CloudTrailEventConsumerOptions {
  /** How long changes to one scope are gathered. */
  windowMs: number;
  refresher: Pick<ScopeRefresher, 'refresh'>;
  /** This replica's side of the journal and leases that replicas share. */
  handoff: Pick<
    ReplicaHandoff,
    | 'start'
    | 'stop'
    | 'keep'
    | 'done'
    | 'giveBack'
    | 'leaseAccounts'
    | 'releaseAccounts'
  >;
  /** Starts the provider's full refresh early, e.g. the {@link RefreshTrigger}'s `request`. */
  requestFullRefresh(reason: string): void;
  logger: LoggerService;
  /** How long to wait before reading a scope with an EKS operation under way again. Default 60 s. */
  settleDelayMs?: number;
  /** How often to read it again at most. Default 30 (half an hour). */
  maxSettleReads?: number;
  /** How long to wait for an account another replica is reading. Default 1 s. */
  busyRetryMs?: number;
}

/**
 * The provider's subscriber to CloudTrail events: each message becomes the
 * scope it can have changed (or a full refresh, for the organization),
 * gathered for a window and re-read once by the {@link ScopeRefresher}.
 * Messages are never thrown at: a malformed one is logged and dropped, and
 * a duplicated or reordered one only reads the scope again, since what is
 * applied is what AWS holds when the scope is read, not what the event says.
 * Each change is kept in the journal replicas share until it is applied
 * (a replica that dies leaves it to another), and an account is read by
 * one replica at a time. What was applied is remembered, so that a full
 * refresh that read before it and applied after it (on any replica) puts
 * it back to be read again.
 */
export class CloudTrailEventConsumer {
  readonly #o: CloudTrailEventConsumerOptions;
  readonly #coalescer: ChangeCoalescer<QueuedChange>;

  constructor(options: CloudTrailEventConsumerOptions) {
    this.#o = options;
    this.#coalescer = new ChangeCoalescer<QueuedChange>({
      windowMs: options.windowMs,
      merge: mergeQueuedChanges,
      handle: batch => this.#handle([...batch.values()]),
      onError: error =>
        options.logger.error(`Could not apply the events' changes: ${error}`),
    });
  }

  /** Starts taking over the changes of replicas that stopped. */
  start(): void {
    this.#o.handoff.start({
      taken: entries => this.#takeOver(entries),
      dropped: entries => {
        const reason = `${
          entries.length
        } changes from events were dropped after stopping ${
          entries[0].takes - 1
        } replicas`;
        this.#o.logger.warn(reason);
        this.#o.requestFullRefresh(reason);
      },
    });
  }

  /** Takes one message of the topic; returns once it is kept and queued. */
  async onEvent(params: EventParams): Promise<void> {
    const parsed = parseCloudTrailEvent(params.eventPayload);
    if (!parsed.ok) {
      this.#o.logger.warn(
        `Dropped a message on ${params.topic} that is not a CloudTrail event (${
          parsed.id ? `event ${parsed.id}: ` : ''
        }${parsed.reason})`,
      );
      return;
    }
    const { event } = parsed;
    const mapping = changeOfEvent(event);
    if ('ignored' in mapping) {
      this.#o.logger.debug(
        `Event ${event.id} (${event.eventName}) changes nothing read: ${mapping.ignored}`,
      );
      return;
    }
    const { change } = mapping;
    const key = keyOf(change);
    const journalIds = await this.#keep(key, change);
    this.#coalescer.add(key, { ...change, journalIds });
  }

  /** Resolves once every queued change is applied (for tests). */
  idle(): Promise<void> {
    return this.#coalescer.idle();
  }

  /** Drops what is queued here; other replicas take it from the journal. */
  async stop(): Promise<void> {
    await this.#coalescer.stop();
    await this.#o.handoff.stop();
  }

  async #keep(key: string, change: EventChange): Promise<string[]> {
    try {
      return [await this.#o.handoff.keep(key, change)];
    } catch (error) {
      this.#o.logger.warn(
        `Could not keep the change of ${key} in the journal; it is only queued here, and lost if this replica stops before applying it: ${error}`,
      );
      return [];
    }
  }

  #takeOver(entries: JournalEntry[]): void {
    this.#o.logger.info(
      `Took over ${entries.length} changes from events that a stopped replica had not applied`,
    );
    for (const entry of entries) {
      this.#coalescer.add(entry.key, {
        ...entry.change,
        journalIds: [entry.id],
      });
    }
  }

  /** Applies the changes of the accounts no other replica is reading now. */
  async #handle(queued: QueuedChange[]): Promise<void> {
    const { handoff } = this.#o;
    const leased = await handoff.leaseAccounts(accountsOf(queued));
    const mine: QueuedChange[] = [];
    for (const change of queued) {
      if (change.kind === 'organization' || leased.has(change.accountId)) {
        mine.push(change);
      } else {
        // Read after the other replica's read, so that its delta is older.
        this.#coalescer.addLater(
          change.key,
          change,
          this.#o.busyRetryMs ?? 1_000,
        );
      }
    }
    if (mine.length === 0) return;
    try {
      const readAt = Date.now();
      const queuedAgain = await this.#apply(mine);
      await handoff.done(
        journalIdsOf(mine).filter(id => !queuedAgain.has(id)),
        mine.filter(isScoped).map(change => ({
          key: change.key,
          change: withoutQueueFields(change),
        })),
        readAt,
      );
    } catch (error) {
      await handoff.giveBack(journalIdsOf(mine));
      throw error;
    } finally {
      await handoff.releaseAccounts([...leased]);
    }
  }

  /** Applies a batch; answers the journal ids of the changes queued again. */
  async #apply(changes: QueuedChange[]): Promise<Set<string>> {
    const queuedAgain = new Set<string>();
    const outcome = await this.#o.refresher.refresh(changes);
    if (outcome.fullRefresh) this.#o.requestFullRefresh(outcome.fullRefresh);
    const maxSettleReads = this.#o.maxSettleReads ?? 30;
    for (const change of outcome.unsettled as (ScopeChange & QueuedChange)[]) {
      const settleReads = change.settleReads ?? 0;
      if (settleReads >= maxSettleReads) continue;
      change.journalIds?.forEach(id => queuedAgain.add(id));
      this.#coalescer.addLater(
        change.key,
        { ...change, settleReads: settleReads + 1 },
        this.#o.settleDelayMs ?? 60_000,
      );
    }
    if (outcome.added + outcome.removed > 0) {
      this.#o.logger.info(
        `Applied the changes of ${changes.length} scopes from events: ${outcome.added} entities added or updated, ${outcome.removed} removed (${outcome.failures.length} failures)`,
      );
    }
    return queuedAgain;
  }
}

/** The coalescing key: the organization's changes gather per caller account. */
function keyOf(change: EventChange): string {
  return change.kind === 'organization'
    ? `organization:${change.accountId}`
    : change.key;
}

/** The accounts whose entities the changes re-read. */
function accountsOf(changes: readonly QueuedChange[]): string[] {
  const accounts = changes
    .filter(change => change.kind !== 'organization')
    .map(change => change.accountId);
  return [...new Set(accounts)];
}

/** The changes that re-read a scope of the provider's entities. */
function isScoped(
  change: QueuedChange,
): change is Exclude<QueuedChange, { kind: 'organization' }> {
  return change.kind !== 'organization';
}

/** The change as the event made it, without the queue's bookkeeping. */
function withoutQueueFields(change: QueuedChange): EventChange {
  const { settleReads: _reads, journalIds: _ids, ...eventChange } = change;
  return eventChange;
}

function journalIdsOf(changes: readonly QueuedChange[]): string[] {
  return changes.flatMap(change => change.journalIds ?? []);
}

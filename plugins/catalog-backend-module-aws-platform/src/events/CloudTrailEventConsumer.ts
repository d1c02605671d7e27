import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventParams } from '@backstage/plugin-events-node';
import { ChangeCoalescer } from './ChangeCoalescer';
import { parseCloudTrailEvent } from './cloudTrailEvent';
import {
  changeOfEvent,
  delegationOfBoth,
  EventChange,
  ScopeChange,
} from './eventChange';
import type { ScopeRefresher } from './ScopeRefresher';

/** A change waiting in the coalescer, with how often it was read to see an operation end. */
type QueuedChange = EventChange & {
  settleReads?: number;
};

/** What a {@link CloudTrailEventConsumer} needs. */
export interface CloudTrailEventConsumerOptions {
  /** How long changes to one scope are gathered. */
  windowMs: number;
  refresher: Pick<ScopeRefresher, 'refresh'>;
  /** Starts the provider's full refresh early, e.g. the {@link RefreshTrigger}'s `request`. */
  requestFullRefresh(reason: string): void;
  /** The provider's full refresh running on this replica now, if one is. */
  refreshInProgress(): Promise<void> | undefined;
  logger: LoggerService;
  /** How long to wait before reading a scope with an EKS operation under way again. Default 60 s. */
  settleDelayMs?: number;
  /** How often to read it again at most. Default 30 (half an hour). */
  maxSettleReads?: number;
}

/**
 * The provider's subscriber to CloudTrail events: each message becomes the
 * scope it can have changed (or a full refresh, for the organization),
 * gathered for a window and re-read once by the {@link ScopeRefresher}.
 * Messages are never thrown at: a malformed one is logged and dropped, and
 * a duplicated or reordered one only reads the scope again, since what is
 * applied is what AWS holds when the scope is read, not what the event says.
 */
export class CloudTrailEventConsumer {
  readonly #o: CloudTrailEventConsumerOptions;
  readonly #coalescer: ChangeCoalescer<QueuedChange>;

  constructor(options: CloudTrailEventConsumerOptions) {
    this.#o = options;
    this.#coalescer = new ChangeCoalescer<QueuedChange>({
      windowMs: options.windowMs,
      merge: (earlier, later) => {
        if (earlier.kind === 'accountTags' && later.kind === 'accountTags') {
          return {
            ...later,
            tagKeys: namesOfBoth(earlier.tagKeys, later.tagKeys),
          };
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
              settleReads: Math.min(
                earlier.settleReads ?? 0,
                later.settleReads ?? 0,
              ),
            }
          : later;
      },
      handle: batch => this.#handle([...batch.values()]),
      onError: error =>
        options.logger.error(`Could not apply the events' changes: ${error}`),
    });
  }

  /** Takes one message of the topic; returns once it is queued. */
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
    const key =
      change.kind === 'organization'
        ? `organization:${change.accountId}`
        : change.key;
    this.#coalescer.add(key, change);
  }

  /** Resolves once every queued change is applied (for tests). */
  idle(): Promise<void> {
    return this.#coalescer.idle();
  }

  /** Drops what is queued; the next full refresh reads it. */
  async stop(): Promise<void> {
    await this.#coalescer.stop();
  }

  async #handle(changes: QueuedChange[]): Promise<void> {
    const refreshing = this.#o.refreshInProgress();
    const outcome = await this.#o.refresher.refresh(changes);
    if (outcome.fullRefresh) this.#o.requestFullRefresh(outcome.fullRefresh);
    const maxSettleReads = this.#o.maxSettleReads ?? 30;
    for (const change of outcome.unsettled) {
      const settleReads = (change as QueuedChange).settleReads ?? 0;
      if (settleReads >= maxSettleReads) continue;
      this.#coalescer.addLater(
        change.key,
        { ...change, settleReads: settleReads + 1 },
        this.#o.settleDelayMs ?? 60_000,
      );
    }
    // A full refresh of this replica that overlapped may apply what it read
    // before the change after this delta: read the scopes again once it ends.
    const overlapped = refreshing ?? this.#o.refreshInProgress();
    if (overlapped) {
      const scopes = changes.filter(
        (c): c is ScopeChange & QueuedChange => c.kind === 'scope',
      );
      const again = () => {
        for (const change of scopes) this.#coalescer.add(change.key, change);
      };
      overlapped.then(again, again);
    }
    if (outcome.added + outcome.removed > 0) {
      this.#o.logger.info(
        `Applied the changes of ${changes.length} scopes from events: ${outcome.added} entities added or updated, ${outcome.removed} removed (${outcome.failures.length} failures)`,
      );
    }
  }
}

/** Both changes' clusters, plans or tag keys; undefined (any) if either named none. */
function namesOfBoth(
  earlier: readonly string[] | undefined,
  later: readonly string[] | undefined,
): readonly string[] | undefined {
  return earlier && later ? [...new Set([...earlier, ...later])] : undefined;
}

/**
 * What the orchestrator (cli.ts) and the event-path child (eventBackend.ts)
 * exchange over IPC. The child is the backend: it holds the catalog, so it
 * says when a mutation held a change; the orchestrator makes the changes.
 */

/** The event-path child's job, written to a file (as the ingest runners' jobs). */
export type FreshnessJob = {
  region: string;
  roleName: string;
  /** The SQS queue the aws-sqs module reads, straight on moto (not counted). */
  queueUrl: string;
  sqsEndpoint: string;
  /** `events.accountTagsMaxAge` of the provider, when the run sets it. */
  accountTagsMaxAge?: string;
};

/**
 * An entity state the catalog must hold: the entity of this type and title
 * whose JSON contains every string of `includes` (e.g. a delegation status).
 */
export type EntityMatch = { type: string; title: string; includes: string[] };

export type ToChild =
  | { type: 'fullRefresh' }
  | { type: 'expect'; id: string; match: EntityMatch }
  | { type: 'idle' }
  | { type: 'refs' }
  | { type: 'stop' };

export type RefreshResult = {
  durationMs: number;
  entities: number;
  failures: string[];
  /** Started by the scheduler's triggerTask (RefreshTrigger), not by the orchestrator. */
  triggered: boolean;
  /** Accounts whose tags were carried, not read (events.accountTagsMaxAge). */
  tagsCarried?: number;
};

export type FromChild =
  | { type: 'ready' }
  | { type: 'refreshed'; result: RefreshResult }
  | { type: 'expecting'; id: string }
  | {
      type: 'seen';
      id: string;
      /** Date.now() when the mutation holding the state was applied. */
      at: number;
      mutation: 'delta' | 'full';
    }
  | { type: 'idle' }
  | { type: 'refs'; refs: { ref: string; title: string }[] }
  /** Warnings and errors the event path logged since the last message of this kind. */
  | { type: 'log'; lines: string[] };

import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/** `events` of an organization's ingestion section, when enabled. */
export interface EventsConfig {
  /** The events topic the CloudTrail events are published on. */
  topic: string;
  /** How long changes to one scope are gathered before it is read again. */
  coalesceWindowMs: number;
  /**
   * How long a full refresh may carry an account's tags instead of reading
   * them again, the events applying owner-tag changes meanwhile; undefined:
   * every refresh reads every account's tags.
   */
  accountTagsMaxAgeMs?: number;
  /**
   * How long a replica's hold on the changes and accounts it handles lasts
   * unless renewed; undefined: the default, 60 s.
   */
  replicaLeaseMs?: number;
}

/** The topic when none is configured. */
export const DEFAULT_EVENTS_TOPIC = 'aws-platform-cloudtrail';

const DEFAULT_COALESCE_WINDOW_MS = 5_000;
const MAX_COALESCE_WINDOW_MS = 10 * 60_000;
const MAX_ACCOUNT_TAGS_AGE_MS = 7 * 24 * 3_600_000;
const MIN_REPLICA_LEASE_MS = 3_000;
const MAX_REPLICA_LEASE_MS = 10 * 60_000;

// A topic is also a key under the aws-sqs module's
// events.modules.awsSqs.awsSqsConsumingEventPublisher.topics, so it must
// be a config key: no dots.
const TOPIC = /^[a-z][a-z0-9]*(?:[-_:][a-z0-9]+)*$/i;

/**
 * Reads `events` of one section; undefined unless `enabled` is true, since
 * the queue and the EventBridge rule feeding it are the adopter's to set up.
 */
export function readEventsConfig(
  config: Config | undefined,
  key: string,
): EventsConfig | undefined {
  if (!config?.getOptionalBoolean('enabled')) return undefined;
  const topic = config.getOptionalString('topic') ?? DEFAULT_EVENTS_TOPIC;
  if (!TOPIC.test(topic)) {
    throw new InputError(
      `${key}.events.topic: '${topic}' is not a topic name (letters, digits, and '-', '_' or ':' between them)`,
    );
  }
  const coalesceWindowMs =
    readDuration(config, key, 'coalesceWindow', "'5s' or { seconds: 5 }") ??
    DEFAULT_COALESCE_WINDOW_MS;
  if (!(coalesceWindowMs >= 0 && coalesceWindowMs <= MAX_COALESCE_WINDOW_MS)) {
    throw new InputError(
      `${key}.events.coalesceWindow must be from 0 to 10 minutes`,
    );
  }
  const accountTagsMaxAgeMs = readDuration(
    config,
    key,
    'accountTagsMaxAge',
    "'6h' or { hours: 6 }",
  );
  if (
    accountTagsMaxAgeMs !== undefined &&
    !(accountTagsMaxAgeMs > 0 && accountTagsMaxAgeMs <= MAX_ACCOUNT_TAGS_AGE_MS)
  ) {
    throw new InputError(
      `${key}.events.accountTagsMaxAge must be more than 0 and at most 7 days`,
    );
  }
  const replicaLeaseMs = readDuration(
    config,
    key,
    'replicaLease',
    "'60s' or { seconds: 60 }",
  );
  if (
    replicaLeaseMs !== undefined &&
    !(
      replicaLeaseMs >= MIN_REPLICA_LEASE_MS &&
      replicaLeaseMs <= MAX_REPLICA_LEASE_MS
    )
  ) {
    throw new InputError(
      `${key}.events.replicaLease must be from 3 seconds to 10 minutes`,
    );
  }
  return {
    topic,
    coalesceWindowMs,
    ...(accountTagsMaxAgeMs !== undefined && { accountTagsMaxAgeMs }),
    ...(replicaLeaseMs !== undefined && { replicaLeaseMs }),
  };
}

/** A duration of `events`, in ms; undefined when not set. */
function readDuration(
  config: Config,
  key: string,
  name: string,
  example: string,
): number | undefined {
  if (!config.has(name)) return undefined;
  try {
    return durationToMilliseconds(
      readDurationFromConfig(config, { key: name }),
    );
  } catch (error) {
    throw new InputError(
      `${key}.events.${name} is not a duration, e.g. ${example}: ${error}`,
    );
  }
}

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
const MINUTE_MS = 60_000;

/** How a duration of `events` is written, and the values it may take. */
interface DurationRule {
  example: string;
  /** The bounds, as the error says them. */
  bounds: string;
  within(ms: number): boolean;
}

const COALESCE_WINDOW: DurationRule = {
  example: "'5s' or { seconds: 5 }",
  bounds: 'from 0 to 10 minutes',
  within: ms => ms >= 0 && ms <= 10 * MINUTE_MS,
};
const ACCOUNT_TAGS_MAX_AGE: DurationRule = {
  example: "'6h' or { hours: 6 }",
  bounds: 'more than 0 and at most 7 days',
  within: ms => ms > 0 && ms <= 7 * 24 * 60 * MINUTE_MS,
};
const REPLICA_LEASE: DurationRule = {
  example: "'60s' or { seconds: 60 }",
  bounds: 'from 3 seconds to 10 minutes',
  within: ms => ms >= 3_000 && ms <= 10 * MINUTE_MS,
};

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
    readDuration(config, key, 'coalesceWindow', COALESCE_WINDOW) ??
    DEFAULT_COALESCE_WINDOW_MS;
  const accountTagsMaxAgeMs = readDuration(
    config,
    key,
    'accountTagsMaxAge',
    ACCOUNT_TAGS_MAX_AGE,
  );
  const replicaLeaseMs = readDuration(
    config,
    key,
    'replicaLease',
    REPLICA_LEASE,
  );
  return {
    topic,
    coalesceWindowMs,
    ...(accountTagsMaxAgeMs !== undefined && { accountTagsMaxAgeMs }),
    ...(replicaLeaseMs !== undefined && { replicaLeaseMs }),
  };
}

/**
 * A duration of `events`, in ms; undefined when not set. An InputError
 * naming the key when it is not a duration or out of the rule's bounds.
 */
function readDuration(
  config: Config,
  key: string,
  name: string,
  rule: DurationRule,
): number | undefined {
  if (!config.has(name)) return undefined;
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key: name }));
  } catch (error) {
    throw new InputError(
      `${key}.events.${name} is not a duration, e.g. ${rule.example}: ${error}`,
    );
  }
  if (!rule.within(ms)) {
    throw new InputError(`${key}.events.${name} must be ${rule.bounds}`);
  }
  return ms;
}

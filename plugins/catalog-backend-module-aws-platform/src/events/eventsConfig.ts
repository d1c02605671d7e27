import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/** `events` of an organization's ingestion section, when enabled. */
export interface EventsConfig {
  /** The events topic the CloudTrail events are published on. */
  topic: string;
  /** How long changes to one scope are gathered before it is read again. */
  coalesceWindowMs: number;
}

/** The topic when none is configured. */
export const DEFAULT_EVENTS_TOPIC = 'aws-platform-cloudtrail';

const DEFAULT_COALESCE_WINDOW_MS = 5_000;
const MAX_COALESCE_WINDOW_MS = 10 * 60_000;

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
  let coalesceWindowMs = DEFAULT_COALESCE_WINDOW_MS;
  if (config.has('coalesceWindow')) {
    try {
      coalesceWindowMs = durationToMilliseconds(
        readDurationFromConfig(config, { key: 'coalesceWindow' }),
      );
    } catch (error) {
      throw new InputError(
        `${key}.events.coalesceWindow is not a duration, e.g. '5s' or { seconds: 5 }: ${error}`,
      );
    }
  }
  if (!(coalesceWindowMs >= 0 && coalesceWindowMs <= MAX_COALESCE_WINDOW_MS)) {
    throw new InputError(
      `${key}.events.coalesceWindow must be from 0 to 10 minutes`,
    );
  }
  return { topic, coalesceWindowMs };
}

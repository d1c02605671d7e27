import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** Settings of the live status endpoints (`awsPlatform.liveStatus`). */
export interface LiveStatusConfig {
  /** How long an AWS answer is reused, in milliseconds. */
  cacheTtlMs: number;
  /** How many days of backup jobs and recovery points are read. */
  backupDays: number;
  /** How many jobs, copy jobs and recovery points an answer holds at most. */
  backupMaxItems: number;
  /**
   * Whether replicas join each other's AWS reads through a lease in the
   * cache: when `backend.cache.store` is a shared store (not `memory`).
   */
  coalesceAcrossReplicas: boolean;
}

/** Short enough that "live" stays true, long enough to absorb a burst of page views. */
export const DEFAULT_CACHE_TTL_MS = 60_000;
export const DEFAULT_BACKUP_DAYS = 7;
export const DEFAULT_BACKUP_MAX_ITEMS = 50;

/** Reads `awsPlatform.liveStatus`, with defaults for everything. */
export function readLiveStatusConfig(config: Config): LiveStatusConfig {
  const live = config.getOptionalConfig('awsPlatform.liveStatus');
  const cacheTtlMs = live?.has('cacheTtl')
    ? durationToMilliseconds(readDurationFromConfig(live, { key: 'cacheTtl' }))
    : DEFAULT_CACHE_TTL_MS;
  if (!(cacheTtlMs > 0)) {
    throw new Error('awsPlatform.liveStatus.cacheTtl must be longer than zero');
  }
  const backupDays =
    live?.getOptionalNumber('backupDays') ?? DEFAULT_BACKUP_DAYS;
  const backupMaxItems =
    live?.getOptionalNumber('backupMaxItems') ?? DEFAULT_BACKUP_MAX_ITEMS;
  for (const [key, value, max] of [
    ['backupDays', backupDays, 90],
    ['backupMaxItems', backupMaxItems, 500],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new Error(
        `awsPlatform.liveStatus.${key} must be a whole number from 1 to ${max}, got ${value}`,
      );
    }
  }
  const store = config.getOptionalString('backend.cache.store') ?? 'memory';
  return {
    cacheTtlMs,
    backupDays,
    backupMaxItems,
    coalesceAcrossReplicas: store !== 'memory',
  };
}

import type { AwsTags } from './types';

/** One account's tags as read at `readAt`, or a mark that they must be read again (`tags: null`). */
export interface AccountTagsRecord {
  accountId: string;
  tags: AwsTags | null;
}

/**
 * Each account's tags as AWS Organizations last answered them, per
 * provider: what a full refresh carries instead of reading them again
 * (`events.accountTagsMaxAge`), while the event path keeps it current.
 * Writes are ordered by `readAt`: an older read never replaces a newer
 * one, so replicas can write in any order; a mark replaces a read of the
 * same instant.
 */
export interface AccountTagStore {
  /** The tags read at or after `since` (ms), by account; marks are left out. */
  readSince(provider: string, since: number): Promise<Map<string, AwsTags>>;
  /** Keeps the records, each unless a newer one is kept already. */
  record(
    provider: string,
    records: readonly AccountTagsRecord[],
    readAt: number,
  ): Promise<void>;
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AccountTagStore } from './accountTagStore';
import type { AwsTags, OrganizationSnapshot } from './types';

/** Where a refresh keeps and finds account tags, when it may carry them. */
export interface TagCarrying {
  store: AccountTagStore;
  providerName: string;
  /** `events.accountTagsMaxAge`. */
  maxAgeMs: number;
  logger: LoggerService;
}

/**
 * The tags a refresh may carry: those read (by a refresh or by the event
 * path) within the maximum age. When the store cannot answer, none: every
 * account's tags are read, as without carrying.
 */
async function tagsToCarry(
  carrying: TagCarrying,
  now: number,
): Promise<ReadonlyMap<string, AwsTags>> {
  try {
    return await carrying.store.readSince(
      carrying.providerName,
      now - carrying.maxAgeMs,
    );
  } catch (error) {
    carrying.logger.warn(
      `Could not read the account tags to carry; reading every account's: ${error}`,
    );
    return new Map();
  }
}

/**
 * Keeps the tags this refresh read (not those it carried), as read at
 * `readAt`, the time the read began. A failure only means they are read
 * again next time.
 */
async function keepReadTags(
  carrying: TagCarrying,
  snapshot: OrganizationSnapshot,
  readAt: number,
): Promise<void> {
  const carried = new Set(snapshot.carriedTagAccounts ?? []);
  const read = snapshot.accounts
    .filter(account => !carried.has(account.id))
    .map(account => ({ accountId: account.id, tags: account.tags }));
  try {
    await carrying.store.record(carrying.providerName, read, readAt);
  } catch (error) {
    carrying.logger.warn(
      `Could not keep the account tags read; the next refresh reads them again: ${error}`,
    );
  }
}

/** How many accounts' tags a snapshot read and carried, for the status. */
export function accountTagCounts(snapshot: OrganizationSnapshot): {
  read: number;
  carried: number;
} {
  const carried = snapshot.carriedTagAccounts?.length ?? 0;
  return { read: snapshot.accounts.length - carried, carried };
}

/**
 * Reads the organization with `read`, carrying the tags `carrying` allows
 * and keeping those read for the next refresh; without `carrying`, a plain
 * read. As AwsPlatformEntityProvider reads it at every refresh.
 */
export async function readWithCarriedTags(
  read: (
    carriedTags?: ReadonlyMap<string, AwsTags>,
  ) => Promise<OrganizationSnapshot>,
  carrying: TagCarrying | undefined,
): Promise<OrganizationSnapshot> {
  if (!carrying) return read();
  const readAt = Date.now();
  const snapshot = await read(await tagsToCarry(carrying, readAt));
  await keepReadTags(carrying, snapshot, readAt);
  return snapshot;
}

import type {
  AccountTagsRecord,
  AccountTagStore,
} from '../organization/accountTagStore';
import type { AwsTags } from '../organization/types';

/**
 * An AccountTagStore in memory, with the database store's ordering rule
 * (an older write never replaces a newer one; a mark replaces a read of
 * the same instant); DatabaseAccountTagStore.test
 * checks the rule on SQLite and PostgreSQL.
 */
export function memoryAccountTagStore(): AccountTagStore & {
  rows: Map<string, { tags: AwsTags | null; readAt: number }>;
} {
  const rows = new Map<string, { tags: AwsTags | null; readAt: number }>();
  const key = (provider: string, accountId: string) =>
    `${provider} ${accountId}`;
  return {
    rows,
    async readSince(provider, since) {
      const found = new Map<string, AwsTags>();
      for (const [k, row] of rows) {
        const [p, accountId] = k.split(' ');
        if (p === provider && row.tags && row.readAt >= since) {
          found.set(accountId, row.tags);
        }
      }
      return found;
    },
    async record(provider, records: readonly AccountTagsRecord[], readAt) {
      for (const r of records) {
        const held = rows.get(key(provider, r.accountId));
        const newer =
          !held ||
          held.readAt < readAt ||
          (held.readAt === readAt && r.tags === null);
        if (newer) {
          rows.set(key(provider, r.accountId), { tags: r.tags, readAt });
        }
      }
    },
  };
}

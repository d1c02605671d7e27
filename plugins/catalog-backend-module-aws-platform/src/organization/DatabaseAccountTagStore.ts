import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { moduleDatabase } from '../status/moduleDatabase';
import type { AccountTagsRecord, AccountTagStore } from './accountTagStore';
import type { AwsTags } from './types';

const TABLE = 'aws_platform_account_tags';
/** Rows per insert: well under SQLite's 999 bound variables (4 per row). */
const ROWS_PER_INSERT = 200;

interface TagRow {
  provider_name: string;
  account_id: string;
  tags: string | null;
  read_at: number | string;
}

/**
 * An {@link AccountTagStore} in the catalog's database, shared by every
 * replica: each write keeps a row only if it is newer than the one held.
 */
export class DatabaseAccountTagStore implements AccountTagStore {
  readonly #db: Knex;

  static async create(
    database: DatabaseService,
  ): Promise<DatabaseAccountTagStore> {
    return new DatabaseAccountTagStore(await moduleDatabase(database));
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async readSince(
    provider: string,
    since: number,
  ): Promise<Map<string, AwsTags>> {
    const rows = await this.#db<TagRow>(TABLE)
      .where({ provider_name: provider })
      .where('read_at', '>=', since)
      .whereNotNull('tags')
      .select('account_id', 'tags');
    return new Map(
      rows.map(row => [row.account_id, JSON.parse(row.tags!) as AwsTags]),
    );
  }

  async record(
    provider: string,
    records: readonly AccountTagsRecord[],
    readAt: number,
  ): Promise<void> {
    // A mark wins over a read of the same instant: the safe side is to read.
    await this.#write(
      provider,
      records.filter(r => r.tags !== null),
      readAt,
      '<',
    );
    await this.#write(
      provider,
      records.filter(r => r.tags === null),
      readAt,
      '<=',
    );
  }

  async #write(
    provider: string,
    records: readonly AccountTagsRecord[],
    readAt: number,
    olderThan: '<' | '<=',
  ): Promise<void> {
    for (let i = 0; i < records.length; i += ROWS_PER_INSERT) {
      const rows = records.slice(i, i + ROWS_PER_INSERT).map(r => ({
        provider_name: provider,
        account_id: r.accountId,
        tags: r.tags === null ? null : JSON.stringify(r.tags),
        read_at: readAt,
      }));
      // An older read (a refresh that started before an event's) must not
      // replace a newer row: merge only where the held row is older.
      await this.#db<TagRow>(TABLE)
        .insert(rows)
        .onConflict(['provider_name', 'account_id'])
        .merge(['tags', 'read_at'])
        .where(`${TABLE}.read_at`, olderThan, readAt);
    }
  }
}

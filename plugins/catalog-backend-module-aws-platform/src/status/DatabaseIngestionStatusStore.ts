import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { IngestionProviderStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  browserSafeIngestionStatus,
  IngestionStatusStore,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { Knex } from 'knex';
import { moduleDatabase } from './moduleDatabase';

const TABLE = 'aws_platform_ingestion_status';

export { MIGRATIONS_TABLE } from './moduleDatabase';

interface StatusRow {
  provider_name: string;
  status: string;
}

/**
 * The ingestion status in the catalog's database: one row per provider,
 * replaced by each run, browser-safe before it is written. Every backend
 * instance on the database reads the same rows, also after a restart.
 */
export class DatabaseIngestionStatusStore implements IngestionStatusStore {
  readonly #db: Knex;

  /** Applies the module's migrations (unless the database service says to skip them). */
  static async create(
    database: DatabaseService,
  ): Promise<DatabaseIngestionStatusStore> {
    return new DatabaseIngestionStatusStore(await moduleDatabase(database));
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async record(status: IngestionProviderStatus): Promise<void> {
    const safe = browserSafeIngestionStatus(status);
    await this.#db<StatusRow>(TABLE)
      .insert({
        provider_name: safe.provider,
        status: JSON.stringify(safe),
        updated_at: this.#db.fn.now(),
      } as StatusRow)
      .onConflict('provider_name')
      .merge();
  }

  async list(): Promise<IngestionProviderStatus[]> {
    const rows = await this.#db<StatusRow>(TABLE).select(
      'provider_name',
      'status',
    );
    // Sanitised again on the way out: a row written by an older version or
    // by hand reaches the browser only in the DTO's shape. Sorted here, not
    // by the database, whose collation differs between engines.
    return rows
      .map(row =>
        browserSafeIngestionStatus(
          JSON.parse(row.status) as IngestionProviderStatus,
        ),
      )
      .sort((a, b) => a.provider.localeCompare(b.provider));
  }
}

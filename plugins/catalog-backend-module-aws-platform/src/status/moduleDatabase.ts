import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/**
 * The module's own migrations table (and `<name>_lock`), apart from the
 * catalog's `knex_migrations`, as upstream's incremental ingestion module
 * keeps its own.
 */
export const MIGRATIONS_TABLE = 'aws_platform__knex_migrations';

/**
 * The catalog database's client with the module's tables migrated (unless
 * the database service says to skip migrations). Applying them again is a
 * no-op, so each store may ask.
 */
export async function moduleDatabase(database: DatabaseService): Promise<Knex> {
  const db = await database.getClient();
  if (!database.migrations?.skip) {
    await db.migrate.latest({
      directory: resolvePackagePath(
        '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform',
        'migrations',
      ),
      tableName: MIGRATIONS_TABLE,
    });
  }
  return db;
}

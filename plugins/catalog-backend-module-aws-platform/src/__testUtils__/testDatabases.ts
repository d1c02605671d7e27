import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases a test file runs its database-backed tests on: SQLite
 * always, and each PostgreSQL a `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_
 * CONNECTION_STRING` names (scripts/test-all.sh starts Debian's PostgreSQL
 * and sets it). Never Docker. Call at the top of a test file.
 */
export function suiteTestDatabases(): TestDatabases {
  return TestDatabases.create({
    ids: [
      'SQLITE_3',
      'POSTGRES_13',
      'POSTGRES_14',
      'POSTGRES_15',
      'POSTGRES_16',
      'POSTGRES_17',
      'POSTGRES_18',
    ],
    disableDocker: true,
  });
}

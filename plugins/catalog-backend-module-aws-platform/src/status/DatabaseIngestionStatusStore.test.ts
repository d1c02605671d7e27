import { mockServices } from '@backstage/backend-test-utils';
import { suiteTestDatabases } from '../__testUtils__/testDatabases';
import type { IngestionProviderStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  DatabaseIngestionStatusStore,
  MIGRATIONS_TABLE,
} from './DatabaseIngestionStatusStore';

// SQLite always; PostgreSQL too when a BACKSTAGE_TEST_DATABASE_POSTGRES<major>_
// CONNECTION_STRING names a server, as scripts/test-all.sh sets it.
const databases = suiteTestDatabases();

const LEAKED_ACCOUNT = '999988887777';

function status(
  provider: string,
  overrides: Partial<IngestionProviderStatus> = {},
): IngestionProviderStatus {
  return {
    provider,
    lastRunAt: '2026-12-05T07:00:00.000Z',
    outcome: 'ok',
    durationMs: 1200,
    entityCount: 13,
    failures: [],
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())(
  'DatabaseIngestionStatusStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseIngestionStatusStore.create(
        mockServices.database({ knex }),
      );
      return { knex, store };
    }

    it('keeps one row per provider, the latest, and lists them sorted', async () => {
      const { store } = await createStore();
      await store.record(status('AwsPlatformEntityProvider:b'));
      await store.record(status('AwsPlatformEntityProvider:a'));
      await store.record(
        status('AwsPlatformEntityProvider:b', {
          outcome: 'partial',
          entityCount: 14,
        }),
      );
      expect(
        (await store.list()).map(s => [s.provider, s.outcome, s.entityCount]),
      ).toEqual([
        ['AwsPlatformEntityProvider:a', 'ok', 13],
        ['AwsPlatformEntityProvider:b', 'partial', 14],
      ]);
    });

    it('is read by a second store on the same database, as another instance or a restart reads it', async () => {
      const { knex, store } = await createStore();
      await store.record(status('AwsPlatformEntityProvider'));
      const other = await DatabaseIngestionStatusStore.create(
        mockServices.database({ knex }),
      );
      expect(await other.list()).toEqual(await store.list());
      expect(await other.list()).toHaveLength(1);
    });

    it('writes failures browser-safe: error name, HTTP status and scope, not AWS’s message', async () => {
      const { knex, store } = await createStore();
      await store.record(
        status('AwsPlatformEntityProvider', {
          outcome: 'failed',
          failures: [
            {
              scope: 'organization',
              errorName: 'AccessDeniedException',
              httpStatus: 403,
              message: `User: arn:aws:sts::${LEAKED_ACCOUNT}:assumed-role/x is not authorized`,
            },
          ],
        }),
      );
      const [stored] = await store.list();
      expect(stored.failures).toEqual([
        {
          scope: 'organization',
          errorName: 'AccessDeniedException',
          httpStatus: 403,
          message: 'AccessDeniedException (HTTP 403) in organization',
        },
      ]);
      // Not in the table either.
      const rows = await knex('aws_platform_ingestion_status').select();
      expect(JSON.stringify(rows)).not.toContain(LEAKED_ACCOUNT);
    });

    it('sanitises rows on the way out too, whoever wrote them', async () => {
      const { knex, store } = await createStore();
      await knex('aws_platform_ingestion_status').insert({
        provider_name: 'AwsPlatformEntityProvider',
        status: JSON.stringify({
          ...status('AwsPlatformEntityProvider'),
          roleArn: `arn:aws:iam::${LEAKED_ACCOUNT}:role/x`,
        }),
      });
      expect(JSON.stringify(await store.list())).not.toContain(LEAKED_ACCOUNT);
    });

    it('keeps its migrations in its own table, apart from the catalog’s', async () => {
      const { knex } = await createStore();
      const applied = await knex(MIGRATIONS_TABLE).select('name');
      expect(applied.map(row => row.name)).toEqual([
        '20261205000000_ingestion_status.js',
        '20261206000000_account_tags.js',
        '20261207000000_event_handoff.js',
      ]);
      expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
    });
  },
);

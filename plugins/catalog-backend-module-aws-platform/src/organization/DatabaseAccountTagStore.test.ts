import { mockServices } from '@backstage/backend-test-utils';
import { suiteTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseAccountTagStore } from './DatabaseAccountTagStore';

// SQLite always; PostgreSQL too when a BACKSTAGE_TEST_DATABASE_POSTGRES<major>_
// CONNECTION_STRING names a server, as scripts/test-all.sh sets it.
const databases = suiteTestDatabases();
const PROVIDER = 'AwsPlatformEntityProvider';

describe.each(databases.eachSupportedId())(
  'DatabaseAccountTagStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      return {
        store: await DatabaseAccountTagStore.create(database),
        again: () => DatabaseAccountTagStore.create(database),
      };
    }

    it('answers the tags read since a time, per provider, and not the marks', async () => {
      const { store } = await createStore();
      await store.record(
        PROVIDER,
        [
          { accountId: '111111111111', tags: { owner: 'team-a' } },
          { accountId: '222222222222', tags: {} },
        ],
        1_000,
      );
      await store.record(
        PROVIDER,
        [{ accountId: '333333333333', tags: { owner: 'team-c' } }],
        5_000,
      );
      await store.record(
        PROVIDER,
        [{ accountId: '222222222222', tags: null }],
        6_000,
      );
      await store.record(
        `${PROVIDER}:other`,
        [{ accountId: '111111111111', tags: { owner: 'elsewhere' } }],
        9_000,
      );

      expect(await store.readSince(PROVIDER, 0)).toEqual(
        new Map([
          ['111111111111', { owner: 'team-a' }],
          ['333333333333', { owner: 'team-c' }],
        ]),
      );
      expect([...(await store.readSince(PROVIDER, 2_000)).keys()]).toEqual([
        '333333333333',
      ]);
    });

    it('never lets an older read replace a newer one, as replicas may write out of order', async () => {
      const { store, again } = await createStore();
      const replica = await again();
      await store.record(
        PROVIDER,
        [{ accountId: '111111111111', tags: { owner: 'new' } }],
        2_000,
      );
      // A refresh that read before the event writes after it.
      await replica.record(
        PROVIDER,
        [{ accountId: '111111111111', tags: { owner: 'old' } }],
        1_000,
      );
      expect(await store.readSince(PROVIDER, 0)).toEqual(
        new Map([['111111111111', { owner: 'new' }]]),
      );
      // A mark that the tags must be read again wins over older reads too.
      await replica.record(
        PROVIDER,
        [{ accountId: '111111111111', tags: null }],
        3_000,
      );
      await store.record(
        PROVIDER,
        [{ accountId: '111111111111', tags: { owner: 'stale' } }],
        2_500,
      );
      expect(await store.readSince(PROVIDER, 0)).toEqual(new Map());
    });

    it('lets a mark replace a read of the same instant', async () => {
      const { store } = await createStore();
      await store.record(
        PROVIDER,
        [{ accountId: '111111111111', tags: { owner: 'a' } }],
        1_000,
      );
      await store.record(
        PROVIDER,
        [{ accountId: '111111111111', tags: null }],
        1_000,
      );
      expect(await store.readSince(PROVIDER, 0)).toEqual(new Map());
    });

    it('records an organization of 1,000 accounts at once', async () => {
      const { store } = await createStore();
      const records = Array.from({ length: 1000 }, (_, i) => ({
        accountId: String(100000000000 + i),
        tags: { owner: `team-${i}` },
      }));
      await store.record(PROVIDER, records, 1_000);
      expect((await store.readSince(PROVIDER, 0)).size).toBe(1000);
    });
  },
);

import { mockServices } from '@backstage/backend-test-utils';
import { suiteTestDatabases } from '../../__testUtils__/testDatabases';
import { DatabaseScopeLeases } from './DatabaseScopeLeases';

// SQLite always; PostgreSQL too when a BACKSTAGE_TEST_DATABASE_POSTGRES<major>_
// CONNECTION_STRING names a server, as scripts/test-all.sh sets it.
const databases = suiteTestDatabases();
const PROVIDER = 'AwsPlatformEntityProvider';
const ONE = '111111111111';
const TWO = '222222222222';

describe.each(databases.eachSupportedId())(
  'DatabaseScopeLeases on %s',
  databaseId => {
    async function createLeases() {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      // One after the other: knex cannot create its migrations table twice at once.
      const a = await DatabaseScopeLeases.create(database);
      return [a, await DatabaseScopeLeases.create(database)] as const;
    }

    it('leases an account to one replica at a time until the lease runs out or is released', async () => {
      const [a, b] = await createLeases();
      const times = (now: number) => ({ now, leaseUntil: now + 1_000 });
      expect(await a.take(PROVIDER, [ONE], 'a', times(0))).toEqual(
        new Set([ONE]),
      );
      // b gets the account a does not hold, not the one it does.
      expect(await b.take(PROVIDER, [ONE, TWO], 'b', times(500))).toEqual(
        new Set([TWO]),
      );
      // a again: its own lease is extended.
      expect(await a.take(PROVIDER, [ONE], 'a', times(600))).toEqual(
        new Set([ONE]),
      );
      expect(await b.take(PROVIDER, [ONE], 'b', times(1_500))).toEqual(
        new Set(),
      );
      // Run out (a stopped renewing): b takes it.
      expect(await b.take(PROVIDER, [ONE], 'b', times(1_700))).toEqual(
        new Set([ONE]),
      );
      await b.release(PROVIDER, [ONE, TWO], 'b');
      expect(await a.take(PROVIDER, [ONE, TWO], 'a', times(1_800))).toEqual(
        new Set([ONE, TWO]),
      );
    });

    it("renews all of a replica's leases, per provider, and frees them with a lease of 0", async () => {
      const [a, b] = await createLeases();
      await a.take(PROVIDER, [ONE], 'a', { now: 0, leaseUntil: 1_000 });
      await b.take(`${PROVIDER}:other`, [ONE], 'b', {
        now: 0,
        leaseUntil: 1_000,
      });
      await a.renew(PROVIDER, 'a', 5_000);
      const at = (now: number) => ({ now, leaseUntil: now + 1_000 });
      expect(await b.take(PROVIDER, [ONE], 'b', at(2_000))).toEqual(new Set());
      // Another provider's lease is its own.
      expect(await a.take(`${PROVIDER}:other`, [ONE], 'a', at(500))).toEqual(
        new Set(),
      );
      await a.renew(PROVIDER, 'a', 0);
      expect(await b.take(PROVIDER, [ONE], 'b', at(2_000))).toEqual(
        new Set([ONE]),
      );
    });
  },
);

import { mockServices } from '@backstage/backend-test-utils';
import { suiteTestDatabases } from '../../__testUtils__/testDatabases';
import type { EventChange } from '../eventChange';
import { DatabaseChangeJournal } from './DatabaseChangeJournal';

// SQLite always; PostgreSQL too when a BACKSTAGE_TEST_DATABASE_POSTGRES<major>_
// CONNECTION_STRING names a server, as scripts/test-all.sh sets it.
const databases = suiteTestDatabases();
const PROVIDER = 'AwsPlatformEntityProvider';

const change = (accountId: string): EventChange => ({
  kind: 'scope',
  key: `eks:${accountId}:eu-west-1`,
  service: 'eks',
  accountId,
  region: 'eu-west-1',
  clusters: ['main'],
  delegation: false,
});

/** What `holder` takes over at `now` (each leased for 3 s), at most 10. */
function takeAt(journal: DatabaseChangeJournal, holder: string, now: number) {
  return journal.takeAbandoned(
    PROVIDER,
    holder,
    { now, leaseUntil: now + 3_000 },
    10,
  );
}

describe.each(databases.eachSupportedId())(
  'DatabaseChangeJournal on %s',
  databaseId => {
    async function createJournals() {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      // Two replicas: two stores on one database.
      // One after the other: knex cannot create its migrations table twice at once.
      const a = await DatabaseChangeJournal.create(database);
      return [a, await DatabaseChangeJournal.create(database)] as const;
    }

    it('gives a change whose lease ran out to one replica only, oldest first, counting takes', async () => {
      const [a, b] = await createJournals();
      const first = await a.keep(
        PROVIDER,
        'eks:1',
        change('111111111111'),
        'a',
        {
          now: 1_000,
          leaseUntil: 2_000,
        },
      );
      await a.keep(PROVIDER, 'eks:2', change('222222222222'), 'a', {
        now: 1_500,
        leaseUntil: 9_000,
      });
      await a.keep(`${PROVIDER}:other`, 'eks:3', change('333333333333'), 'a', {
        now: 1_000,
        leaseUntil: 2_000,
      });

      // Not yet run out: nothing to take.
      expect(await takeAt(b, 'b', 1_999)).toEqual([]);
      const taken = await takeAt(b, 'b', 2_500);
      expect(taken).toEqual([
        { id: first, key: 'eks:1', change: change('111111111111'), takes: 2 },
      ]);
      // Taken: not again, by anyone, while b's lease runs.
      expect(await takeAt(a, 'a', 4_000)).toEqual([]);
    });

    it("keeps a live replica's changes by renewing, and frees them at once when given back", async () => {
      const [a, b] = await createJournals();
      const id = await a.keep(PROVIDER, 'eks:1', change('111111111111'), 'a', {
        now: 1_000,
        leaseUntil: 2_000,
      });
      await a.renew(PROVIDER, 'a', 10_000);
      expect(await takeAt(b, 'b', 5_000)).toEqual([]);
      // Only the holder gives back.
      await b.giveBack([id], 'b');
      expect(await takeAt(b, 'b', 5_000)).toEqual([]);
      await a.giveBack([id], 'a');
      expect(await takeAt(b, 'b', 5_000)).toHaveLength(1);
    });

    it('forgets applied changes, and takes at most the limit', async () => {
      const [a] = await createJournals();
      const ids = [];
      for (const accountId of [
        '111111111111',
        '222222222222',
        '333333333333',
      ]) {
        ids.push(
          await a.keep(PROVIDER, `eks:${accountId}`, change(accountId), 'a', {
            now: 1_000,
            leaseUntil: 1_000,
          }),
        );
      }
      await a.forget([ids[0]]);
      const times = { now: 2_000, leaseUntil: 3_000 };
      const firstTwo = await a.takeAbandoned(PROVIDER, 'b', times, 1);
      expect(firstTwo).toHaveLength(1);
      const rest = await a.takeAbandoned(PROVIDER, 'c', times, 10);
      expect([...firstTwo, ...rest].map(e => e.id).sort()).toEqual(
        [ids[1], ids[2]].sort(),
      );
    });

    it('puts back the changes applied from reads within a refresh, free for any replica, and forgets older ones', async () => {
      const [a, b] = await createJournals();
      const eks = (accountId: string) => ({
        key: `eks:${accountId}`,
        change: change(accountId),
      });
      await a.recordApplied(PROVIDER, [eks('111111111111')], 1_000);
      await a.recordApplied(PROVIDER, [eks('222222222222')], 5_000);
      // An older read of a key never replaces a newer one.
      await b.recordApplied(PROVIDER, [eks('222222222222')], 4_000);
      await a.recordApplied(`${PROVIDER}:other`, [eks('333333333333')], 5_000);

      // A refresh that read from 2,000 and applied at 6,000.
      expect(await b.requeueApplied(PROVIDER, 2_000, 6_000)).toBe(1);
      const taken = await takeAt(a, 'a', 6_001);
      expect(taken).toEqual([
        {
          id: expect.any(String),
          key: 'eks:222222222222',
          change: change('222222222222'),
          takes: 1,
        },
      ]);
      // The read before the refresh is forgotten: an earlier window finds nothing.
      expect(await b.requeueApplied(PROVIDER, 0, 1_500)).toBe(0);
    });
  },
);

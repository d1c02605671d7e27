import { mockServices } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { suiteTestDatabases } from '../__testUtils__/testDatabases';
import {
  eksCreateCluster,
  madeIn,
  route53ChangeARecord,
} from './__fixtures__/cloudTrailEvents';
import { AUDIT, cluster, PRODUCTION, REGION } from './__fixtures__/eventEstate';
import { fullRefresh, setUpRefresher } from './__testUtils__/refresherSetUp';
import { CloudTrailEventConsumer } from './CloudTrailEventConsumer';
import type { ChangeJournal } from './replicas/changeJournal';
import { DatabaseChangeJournal } from './replicas/DatabaseChangeJournal';
import { DatabaseScopeLeases } from './replicas/DatabaseScopeLeases';
import { ReplicaHandoff } from './replicas/ReplicaHandoff';
import type { ScopeLeases } from './replicas/scopeLeases';
import type { ScopeRefresher, ScopeRefreshOutcome } from './ScopeRefresher';

// Replicas of one backend share the catalog's database: each test runs
// on SQLite, and on PostgreSQL when scripts/test-all.sh has started it.
const databases = suiteTestDatabases();
// Short, so that take-overs come fast; long enough that a live replica's
// renewal (a third of it) is not late on a CI machine busy with other
// suites, where 300 ms let a replica's own hold run out mid-read.
const LEASE_MS = 1_500;
const nothingApplied: ScopeRefreshOutcome = {
  unsettled: [],
  added: 0,
  removed: 0,
  failures: [],
};

interface Stores {
  journal: ChangeJournal;
  leases: ScopeLeases;
}

/**
 * A replica's view of the shared stores that can be cut, as a killed
 * process is: from then on it writes nothing and hears no answer.
 */
function severable(stores: Stores): Stores & { sever(): void } {
  let severed = false;
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get: (object, name) => {
        const value = Reflect.get(object, name);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          severed ? new Promise(() => {}) : value.apply(object, args);
      },
    });
  return {
    journal: wrap(stores.journal),
    leases: wrap(stores.leases),
    sever: () => {
      severed = true;
    },
  };
}

// Take-overs wait for leases to run out, up to three in a row.
jest.setTimeout(30_000);

/** Waits for a condition, for at most 10 s (within the test timeout). */
async function eventually(condition: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting for the replicas');
}

describe.each(databases.eachSupportedId())(
  'CloudTrailEventConsumer replicas on %s',
  databaseId => {
    let knex: Knex;
    let stores: Stores;
    const started: CloudTrailEventConsumer[] = [];

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      stores = {
        journal: await DatabaseChangeJournal.create(database),
        leases: await DatabaseScopeLeases.create(database),
      };
    });

    afterEach(async () => {
      // Replicas still alive stop; killed ones are left as they died.
      await Promise.all(started.splice(0).map(alive => alive.stop()));
    });

    function replica(
      refresher: Pick<ScopeRefresher, 'refresh'>,
      options: { stores?: Stores; fullRefreshes?: string[] } = {},
    ) {
      const logger = mockServices.logger.mock();
      const consumer = new CloudTrailEventConsumer({
        windowMs: 20,
        busyRetryMs: 50,
        refresher,
        handoff: new ReplicaHandoff({
          providerName: 'AwsPlatformEntityProvider',
          ...(options.stores ?? stores),
          leaseMs: LEASE_MS,
          logger,
        }),
        requestFullRefresh: reason => options.fullRefreshes?.push(reason),
        logger,
      });
      consumer.start();
      return consumer;
    }

    /** A replica that dies while it applies its first batch. */
    function dyingReplica() {
      const own = severable(stores);
      let died!: () => void;
      const death = new Promise<void>(resolve => {
        died = resolve;
      });
      const consumer = replica(
        {
          refresh: () => {
            own.sever();
            died();
            return new Promise(() => {});
          },
        },
        { stores: own },
      );
      return { consumer, death };
    }

    const publish = (consumer: CloudTrailEventConsumer, event: unknown) =>
      consumer.onEvent({
        topic: 'aws-platform-cloudtrail',
        eventPayload: event,
      });
    const journalRows = async () =>
      Number((await knex('aws_platform_event_changes').count({ n: '*' }))[0].n);

    it('applies a change on another replica when the one handling it is killed', async () => {
      const { data, catalog, reads, refresher } = await setUpRefresher();
      data.clusters[`eks:${PRODUCTION}:${REGION}`].push(
        cluster(PRODUCTION, 'test'),
      );
      const killed = dyingReplica();
      await publish(
        killed.consumer,
        madeIn(eksCreateCluster, PRODUCTION, REGION),
      );
      await killed.death;
      expect(catalog.all().map(e => e.metadata.title)).not.toContain('test');

      started.push(replica(refresher));
      await eventually(() =>
        catalog.all().some(e => e.metadata.title === 'test'),
      );
      expect(reads.calls).toEqual([`eks:${PRODUCTION}:${REGION} test`]);
      await eventually(async () => (await journalRows()) === 0);
    });

    it('drops a change that stopped three replicas, and asks for the full refresh', async () => {
      const first = dyingReplica();
      await publish(
        first.consumer,
        madeIn(eksCreateCluster, PRODUCTION, REGION),
      );
      await first.death;
      for (let i = 0; i < 2; i++) await dyingReplica().death;

      const fullRefreshes: string[] = [];
      const read: unknown[] = [];
      started.push(
        replica(
          {
            refresh: async changes => {
              read.push(...changes);
              return nothingApplied;
            },
          },
          { fullRefreshes },
        ),
      );
      await eventually(() => fullRefreshes.length > 0);
      expect(fullRefreshes).toEqual([
        '1 changes from events were dropped after stopping 3 replicas',
      ]);
      expect(read).toEqual([]);
      expect(await journalRows()).toBe(0);
    });

    it('reads an account on one replica at a time, in the order the reads began', async () => {
      const order: string[] = [];
      let open!: () => void;
      const gate = new Promise<void>(resolve => {
        open = resolve;
      });
      const recording = (name: string, wait?: Promise<void>) => ({
        refresh: async (changes: ReadonlyArray<{ accountId: string }>) => {
          const accounts = changes.map(c => c.accountId).join(',');
          order.push(`${name} reads ${accounts}`);
          await wait;
          order.push(`${name} applied ${accounts}`);
          return nothingApplied;
        },
      });
      const a = replica(recording('a', gate));
      const b = replica(recording('b'));
      started.push(a, b);

      await publish(a, madeIn(eksCreateCluster, PRODUCTION, REGION));
      await eventually(() => order.length === 1);
      await publish(b, madeIn(route53ChangeARecord, PRODUCTION, 'us-east-1'));
      await publish(b, madeIn(route53ChangeARecord, AUDIT, 'us-east-1'));
      // b reads the other account at once, and waits for a's.
      await eventually(() => order.includes(`b applied ${AUDIT}`));
      await new Promise(resolve => setTimeout(resolve, 200));
      expect(order).not.toContain(`b reads ${PRODUCTION}`);
      open();
      await eventually(() => order.includes(`b applied ${PRODUCTION}`));
      expect(order).toEqual([
        `a reads ${PRODUCTION}`,
        `b reads ${AUDIT}`,
        `b applied ${AUDIT}`,
        `a applied ${PRODUCTION}`,
        `b reads ${PRODUCTION}`,
        `b applied ${PRODUCTION}`,
      ]);
    });

    it('reads a change again once a full refresh that read before it has applied, on whichever replica', async () => {
      const { data, catalog, reads, refresher } = await setUpRefresher();
      started.push(replica(refresher));
      // A full refresh (on another replica) reads the estate...
      const refreshStarted = Date.now();
      const olderRead = await fullRefresh(data);
      // ...while a cluster is created and its event applied.
      data.clusters[`eks:${PRODUCTION}:${REGION}`].push(
        cluster(PRODUCTION, 'test'),
      );
      await publish(started[0], madeIn(eksCreateCluster, PRODUCTION, REGION));
      const hasTest = () =>
        catalog.all().some(e => e.metadata.title === 'test');
      await eventually(hasTest);

      // The refresh applies its older read, then puts back what events
      // applied meanwhile, as AwsPlatformEntityProvider does.
      catalog.applyFull(olderRead);
      expect(hasTest()).toBe(false);
      expect(
        await stores.journal.requeueApplied(
          'AwsPlatformEntityProvider',
          refreshStarted,
          Date.now(),
        ),
      ).toBe(1);
      await eventually(hasTest);
      expect(reads.calls).toEqual([
        `eks:${PRODUCTION}:${REGION} test`,
        `eks:${PRODUCTION}:${REGION} test`,
      ]);
    });
  },
);

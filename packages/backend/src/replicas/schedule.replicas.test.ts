import { callsOf, watchRefreshes } from './__testUtils__/awsCalls';
import type { RefreshStart } from './__testUtils__/awsCalls';
import {
  guestToken,
  resourceRefs,
  waitFor,
} from './__testUtils__/portalClient';
import { useProductionShape } from './__testUtils__/productionShape';

// Two replicas of the portal's backend on one PostgreSQL and one Redis, each
// reaching moto through its own counting proxy. The suite's ingestion is a
// scheduled task of the catalog; the scheduler's lock in the shared database
// must make each scheduled refresh run on one replica only, and a replica
// that dies mid-refresh must leave the task to the other after its timeout.

const FREQUENCY_S = 4;
const TIMEOUT_S = 10;
/** The scheduler's janitor frees expired tasks once a minute per replica. */
const JANITOR_S = 60;

const shape = useProductionShape({
  auth: {
    providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
  },
  catalog: {
    providers: {
      awsPlatform: {
        regions: ['us-east-1'],
        // The scheduler is under test, not the readers: the portal's
        // Identity Center reads would only lengthen each 4-second period.
        identityCenter: { enabled: false },
        // ISO strings: an object would merge with app-config.yaml's minutes.
        schedule: {
          frequency: `PT${FREQUENCY_S}S`,
          timeout: `PT${TIMEOUT_S}S`,
        },
      },
    },
  },
});

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

/** Every account of the seeded organization, as the suite names them. */
function accountRefs(): string[] {
  return Object.values(shape.estate.accounts).map(
    account => `resource:default/account-${account.id}`,
  );
}

/** The Resources both replicas serve, once both hold every account and agree. */
async function convergedRefs(token: string): Promise<string[]> {
  return waitFor(
    'both replicas serve the ingested organization',
    async () => {
      const [a, b] = await Promise.all(
        shape.replicas.map(replica => resourceRefs(replica.baseUrl, token)),
      );
      const complete = accountRefs().every(ref => a.includes(ref));
      return complete && a.join() === b.join() ? a : undefined;
    },
    90_000,
  );
}

describe('two backend replicas on PostgreSQL and Redis', () => {
  let token: string;
  let before: string[];

  it('run each scheduled refresh once, and converge on the same entities', async () => {
    token = await guestToken(shape.replicas[0].baseUrl);
    before = await convergedRefs(token);
    expect(before.length).toBeGreaterThan(accountRefs().length);

    const periods = 5;
    const watch = watchRefreshes(shape.proxies);
    await sleep(periods * FREQUENCY_S * 1000);
    watch.stop();

    // One organization read per period over both replicas: 2 per period if
    // each replica ran its own schedule. A period's start may fall either
    // side of the window's edges, hence + 1.
    expect(watch.starts.length).toBeLessThanOrEqual(periods + 1);
    expect(watch.starts.length).toBeGreaterThanOrEqual(periods - 1);
    expect(await convergedRefs(token)).toEqual(before);
  }, 180_000);

  it('hand a refresh to the other replica when the one running it is killed, losing nothing', async () => {
    let killed: RefreshStart | undefined;
    const watch = watchRefreshes(shape.proxies, start => {
      if (!killed) {
        killed = start;
        void shape.replicas[start.replica].kill();
      }
    });
    try {
      await waitFor('a refresh starts', async () => killed, 30_000);
      const victim = killed!;
      const survivor = 1 - victim.replica;
      await shape.replicas[victim.replica].kill();
      // Killed mid-run: the organization was read at the refresh's start
      // (DescribeOrganization) and never confirmed at its end (a second one).
      expect(
        callsOf(
          shape.proxies[victim.replica],
          'organizations:DescribeOrganization',
        ) % 2,
      ).toBe(1);

      // Until the survivor takes the task over, the catalog keeps everything.
      const survivorUrl = shape.replicas[survivor].baseUrl;
      const lost = new Set<string>();
      const takeover = await waitFor(
        'the surviving replica takes the refresh over',
        async () => {
          const refs = await resourceRefs(survivorUrl, token);
          for (const ref of before) if (!refs.includes(ref)) lost.add(ref);
          return watch.starts.find(s => s.replica === survivor);
        },
        (TIMEOUT_S + JANITOR_S + 15) * 1000,
      );
      expect([...lost]).toEqual([]);
      // Not before the killed run's lock timed out.
      expect(takeover.at - victim.at).toBeGreaterThanOrEqual(
        (TIMEOUT_S - 1) * 1000,
      );
      const confirmed = callsOf(
        shape.proxies[survivor],
        'organizations:DescribeOrganization',
      );
      await waitFor(
        "the survivor's refresh completes",
        async () =>
          callsOf(
            shape.proxies[survivor],
            'organizations:DescribeOrganization',
          ) > confirmed
            ? true
            : undefined,
        TIMEOUT_S * 1000,
      );
      expect(await resourceRefs(survivorUrl, token)).toEqual(before);
    } finally {
      watch.stop();
    }
  }, 150_000);
});

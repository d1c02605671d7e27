import { mockServices } from '@backstage/backend-test-utils';
import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import { testIngestionConfig } from '../__fixtures__/ingestionConfig';
import { memoryReplicaStores } from '../__testUtils__/memoryReplicaStores';
import { memoryStatusStore } from '../__testUtils__/memoryStatusStore';
import { runIngestion } from '../ingestion/runIngestion';
import {
  eksCreateCluster,
  madeIn,
  organizationsCreateOu,
  organizationsTagAccount,
  route53ChangeARecord,
} from './__fixtures__/cloudTrailEvents';
import {
  cluster,
  eventEstate,
  MANAGEMENT,
  PRODUCTION,
  REGION,
} from './__fixtures__/eventEstate';
import { estateReaders } from './__testUtils__/estateReaders';
import { MemoryCatalog } from './__testUtils__/memoryCatalog';
import { CloudTrailEventConsumer } from './CloudTrailEventConsumer';
import { ReplicaHandoff } from './replicas/ReplicaHandoff';
import { ScopeRefresher } from './ScopeRefresher';

const config = testIngestionConfig({ regions: [REGION] });

async function setUp(
  options: {
    readAccountTags?: (id: string) => Promise<Record<string, string>>;
  } = {},
) {
  const data = eventEstate();
  const catalog = new MemoryCatalog();
  const run = await runIngestion({
    config,
    readOrganization: async () => organizationSnapshot,
    readers: estateReaders(data).readers,
    memory: catalog,
    today: new Date(),
  });
  catalog.applyFull(run.entities!);
  const reads = estateReaders(data);
  const logger = mockServices.logger.mock();
  const fullRefreshes: string[] = [];
  const replicas = memoryReplicaStores();
  const consumer = new CloudTrailEventConsumer({
    windowMs: 30,
    refresher: new ScopeRefresher({
      config,
      providerName: 'AwsPlatformEntityProvider',
      target: catalog,
      readers: reads.readers,
      memory: catalog,
      catalog,
      statusStore: memoryStatusStore(),
      transformers: new Map(),
      logger,
      readAccountTags: options.readAccountTags,
    }),
    handoff: new ReplicaHandoff({
      providerName: 'AwsPlatformEntityProvider',
      ...replicas,
      logger,
    }),
    requestFullRefresh: reason => fullRefreshes.push(reason),
    logger,
    settleDelayMs: 20,
    maxSettleReads: 2,
  });
  const publish = (eventPayload: unknown) =>
    consumer.onEvent({ topic: 'aws-platform-cloudtrail', eventPayload });
  return {
    data,
    catalog,
    reads,
    logger,
    fullRefreshes,
    consumer,
    publish,
    journal: replicas.journal,
  };
}

const names = (catalog: MemoryCatalog) =>
  catalog.all().map(e => e.metadata.title);

describe('CloudTrailEventConsumer', () => {
  it('reads a scope once for a burst of duplicated and reordered events', async () => {
    const { data, catalog, reads, consumer, publish, journal } = await setUp();
    data.clusters[`eks:${PRODUCTION}:${REGION}`].push(
      cluster(PRODUCTION, 'test'),
    );
    const created = madeIn(eksCreateCluster, PRODUCTION, REGION);
    const record = madeIn(route53ChangeARecord, PRODUCTION, 'us-east-1');
    for (const event of [created, record, created, created, record]) {
      await publish(event);
    }
    // Each message is kept until it is applied.
    expect(journal.rows.size).toBe(5);
    await consumer.idle();
    expect(journal.rows.size).toBe(0);
    // Once, and only the cluster the events named.
    expect(reads.calls.filter(c => c.startsWith('eks:'))).toEqual([
      `eks:${PRODUCTION}:${REGION} test`,
    ]);
    expect(reads.calls.filter(c => c === `route53:${PRODUCTION}`)).toHaveLength(
      1,
    );
    expect(names(catalog)).toContain('test');
  });

  it('drops malformed messages with a warning, and asks for nothing for ignored ones', async () => {
    const { catalog, reads, consumer, publish, logger } = await setUp();
    const before = catalog.all();
    await publish('not json');
    await publish({ 'detail-type': 'AWS API Call via CloudTrail' });
    await publish(
      madeIn(
        {
          ...eksCreateCluster,
          detail: {
            ...(eksCreateCluster.detail as object),
            eventName: 'ListClusters',
          },
        },
        PRODUCTION,
        REGION,
      ),
    );
    await consumer.idle();
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(reads.calls).toEqual([]);
    expect(catalog.all()).toEqual(before);
  });

  it('asks for the full refresh for a change to the organization', async () => {
    const { consumer, publish, fullRefreshes, reads } = await setUp();
    await publish(madeIn(organizationsCreateOu, MANAGEMENT, 'us-east-1'));
    await consumer.idle();
    expect(fullRefreshes).toEqual(['CreateOrganizationalUnit']);
    expect(reads.calls).toEqual([]);
  });

  it("reads an account's tags once for a burst of tag events, with the keys of all of them", async () => {
    const read: string[] = [];
    const { catalog, consumer, publish, fullRefreshes } = await setUp({
      readAccountTags: async id => {
        read.push(id);
        return { owner: 'payments-team', 'aws-platform/role': 'production' };
      },
    });
    const tag = (eventName: string, requestParameters: object) =>
      madeIn(organizationsTagAccount, MANAGEMENT, 'us-east-1', {
        eventName,
        requestParameters: { resourceId: PRODUCTION, ...requestParameters },
      });
    // The owner tag is only in the second event: the keys are joined.
    const costCenter = tag('TagResource', {
      tags: [{ key: 'cost-center', value: '42' }],
    });
    const owner = tag('UntagResource', { tagKeys: ['owner'] });
    for (const event of [costCenter, owner, costCenter]) await publish(event);
    await consumer.idle();
    expect(read).toEqual([PRODUCTION]);
    expect(fullRefreshes).toEqual([]);
    expect(
      catalog.all().find(e => e.metadata.title === 'Production')?.spec?.owner,
    ).toBe('group:default/payments-team');
  });

  it('reads a cluster again until its operation ends, a bounded number of times', async () => {
    const { data, consumer, publish, reads, journal } = await setUp();
    data.clusters[`eks:${PRODUCTION}:${REGION}`] = [
      cluster(PRODUCTION, 'test', { status: 'CREATING' }),
    ];
    await publish(madeIn(eksCreateCluster, PRODUCTION, REGION));
    // Kept while it is read again, so that another replica would go on.
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(reads.calls).toHaveLength(1);
    expect(journal.rows.size).toBe(1);
    await consumer.idle();
    // The first read and two more: maxSettleReads.
    expect(reads.calls).toHaveLength(3);
    expect(journal.rows.size).toBe(0);
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { organizationSnapshot } from '../../__fixtures__/organizationSnapshot';
import { testIngestionConfig } from '../../__fixtures__/ingestionConfig';
import { memoryStatusStore } from '../../__testUtils__/memoryStatusStore';
import { runIngestion } from '../../ingestion/runIngestion';
import type { AccountTagStore } from '../../organization/accountTagStore';
import type { OrganizationSnapshot } from '../../organization/types';
import { EstateData, eventEstate, REGION } from '../__fixtures__/eventEstate';
import type { ReadAccountTags } from '../refreshAccountOwners';
import type { ReadAccountParent } from '../../organization/accountParentReader';
import { ScopeRefresher } from '../ScopeRefresher';
import { estateReaders } from './estateReaders';
import { MemoryCatalog } from './memoryCatalog';

/** The ingestion config of the refresher tests: the fixture's, in one region. */
export const refresherConfig = testIngestionConfig({ regions: [REGION] });

const today = new Date();

const refKey = (e: Entity) =>
  `resource:default/${e.metadata.name}`.toLowerCase();

/** What a full refresh of `data` emits: what the catalog must hold after a delta. */
export async function fullRefresh(
  data: EstateData,
  snapshot: OrganizationSnapshot = organizationSnapshot,
): Promise<Entity[]> {
  const run = await runIngestion({
    config: refresherConfig,
    readOrganization: async () => snapshot,
    readers: estateReaders(data).readers,
    memory: new MemoryCatalog(),
    today,
  });
  return [...run.entities!].sort((a, b) => refKey(a).localeCompare(refKey(b)));
}

/**
 * A ScopeRefresher over the event estate's fixture data, with a catalog
 * holding the full refresh of it and a status row to record failures in.
 */
export async function setUpRefresher(
  options: {
    transformers?: Map<any, any>;
    config?: typeof refresherConfig;
    readAccountTags?: ReadAccountTags;
    readAccountParent?: ReadAccountParent;
    /** Readers that read a zone at a time (the shipped ones do). */
    zoneByZone?: boolean;
    accountTags?: AccountTagStore;
  } = {},
) {
  const data = eventEstate();
  const catalog = new MemoryCatalog();
  catalog.applyFull(await fullRefresh(data));
  const reads = estateReaders(data, { zoneByZone: options.zoneByZone });
  const statusStore = memoryStatusStore();
  await statusStore.record({
    provider: 'AwsPlatformEntityProvider',
    lastRunAt: '2026-01-01T00:00:00.000Z',
    outcome: 'ok',
    durationMs: 1,
    entityCount: catalog.all().length,
    failures: [],
  });
  const refresher = new ScopeRefresher({
    config: options.config ?? refresherConfig,
    providerName: 'AwsPlatformEntityProvider',
    target: catalog,
    readers: reads.readers,
    memory: catalog,
    catalog,
    statusStore,
    transformers: options.transformers ?? new Map(),
    logger: mockServices.logger.mock(),
    readAccountTags: options.readAccountTags,
    readAccountParent: options.readAccountParent,
    accountTags: options.accountTags,
  });
  return { data, catalog, reads, statusStore, refresher };
}

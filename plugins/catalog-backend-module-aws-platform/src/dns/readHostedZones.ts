import {
  HostedZone,
  ListResourceRecordSetsCommand,
  ListResourceRecordSetsCommandInput,
  ListTagsForResourcesCommand,
  paginateListHostedZones,
  ResourceRecordSet,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { collectPages } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { mapAllOrThrow } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { normalizeDnsName } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { HostedZoneRecord, NsDelegation } from './types';

/** Route 53's largest pages and tag batch (guide f.2). */
const ZONES_PAGE_SIZE = 100;
const RECORDS_PAGE_SIZE = 300;
const TAG_BATCH_SIZE = 10;

/**
 * Route 53 allows 5 to 10 requests per second per account (guide f.2), so a
 * few zones in flight are enough and keep clear of throttling.
 */
const DEFAULT_CONCURRENCY = 4;

/**
 * Reads every hosted zone of the client's account with its NS records and
 * tags. Throws if any call fails: the account's Route 53 is one ingestion
 * scope, and a partial read must never replace a complete one in the catalog.
 */
export async function readHostedZones(
  client: Route53Client,
  options: { concurrency?: number } = {},
): Promise<HostedZoneRecord[]> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const zones = await collectPages(
    paginateListHostedZones({ client, pageSize: ZONES_PAGE_SIZE }, {}),
    page => page.HostedZones,
  );
  const ids = zones.map(zone => zoneId(zone.Id));

  const nsRecords = await mapAllOrThrow(zones, concurrency, (zone, i) =>
    readNsRecords(client, ids[i], normalizeDnsName(zone.Name ?? '')),
  );
  const tagBatches = await mapAllOrThrow(
    chunk(ids, TAG_BATCH_SIZE),
    concurrency,
    batch => readTags(client, batch),
  );
  const tags = new Map(tagBatches.flatMap(batch => [...batch]));

  return zones.map((zone, i) => toRecord(zone, ids[i], nsRecords[i], tags));
}

/** A hosted zone as ListHostedZones or GetHostedZone answers it, with its NS records and tags. */
export function toRecord(
  zone: HostedZone,
  id: string,
  ns: { nameServers: string[]; delegations: NsDelegation[] },
  tags: ReadonlyMap<string, Record<string, string>>,
): HostedZoneRecord {
  const comment = zone.Config?.Comment;
  return {
    id,
    name: normalizeDnsName(zone.Name ?? ''),
    privateZone: zone.Config?.PrivateZone ?? false,
    recordCount: zone.ResourceRecordSetCount ?? 0,
    ...(comment && { comment }),
    nameServers: ns.nameServers,
    delegations: ns.delegations,
    tags: tags.get(id) ?? {},
  };
}

/**
 * Pages through all record sets by hand (the SDK has no paginator for
 * ListResourceRecordSets) and keeps the NS ones: Route 53 cannot filter by
 * type, StartRecordType only sets where a page starts.
 */
export async function readNsRecords(
  client: Route53Client,
  id: string,
  zoneName: string,
): Promise<{ nameServers: string[]; delegations: NsDelegation[] }> {
  const nsSets: ResourceRecordSet[] = [];
  let input: ListResourceRecordSetsCommandInput = {
    HostedZoneId: id,
    MaxItems: RECORDS_PAGE_SIZE,
  };
  for (;;) {
    const page = await client.send(new ListResourceRecordSetsCommand(input));
    nsSets.push(
      ...(page.ResourceRecordSets ?? []).filter(set => set.Type === 'NS'),
    );
    if (!page.IsTruncated) break;
    if (!page.NextRecordName) {
      // Asking again without a start would loop over the first page forever.
      throw new Error(
        `ListResourceRecordSets for zone ${id} is truncated but names no next record`,
      );
    }
    input = {
      HostedZoneId: id,
      MaxItems: RECORDS_PAGE_SIZE,
      StartRecordName: page.NextRecordName,
      StartRecordType: page.NextRecordType,
      StartRecordIdentifier: page.NextRecordIdentifier,
    };
  }

  let nameServers: string[] = [];
  const delegations: NsDelegation[] = [];
  for (const set of nsSets) {
    const name = normalizeDnsName(set.Name ?? '');
    const values = (set.ResourceRecords ?? []).map(record =>
      normalizeDnsName(record.Value ?? ''),
    );
    if (name === zoneName) {
      nameServers = values;
    } else {
      delegations.push({
        name,
        nameServers: values,
        ...(set.TTL !== undefined && { ttl: set.TTL }),
      });
    }
  }
  return { nameServers, delegations };
}

export async function readTags(
  client: Route53Client,
  ids: string[],
): Promise<Map<string, Record<string, string>>> {
  const { ResourceTagSets } = await client.send(
    new ListTagsForResourcesCommand({
      ResourceType: 'hostedzone',
      ResourceIds: ids,
    }),
  );
  return new Map(
    (ResourceTagSets ?? []).map(set => [
      zoneId(set.ResourceId),
      Object.fromEntries(
        (set.Tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']),
      ),
    ]),
  );
}

// Route 53 returns `/hostedzone/Z…` in some places and the bare id in others.
export function zoneId(id: string | undefined): string {
  if (!id) throw new Error('Route 53 returned a hosted zone without an id');
  return id.replace(/^\/?hostedzone\//, '');
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

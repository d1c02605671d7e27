import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  HostedZoneAlreadyExists,
  InvalidChangeBatch,
  ListHostedZonesByNameCommand,
  ListHostedZonesByNameCommandOutput,
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import type { AwsResponseLike } from '../lib/changeLog';

/** A hosted zone as the actions need it. */
export interface ZoneSummary {
  /** Without the `/hostedzone/` prefix. */
  id: string;
  name: string;
  privateZone: boolean;
  /** The CallerReference the zone was created with. */
  callerReference?: string;
}

const stripPrefix = (id: string) => id.replace(/^\/(hostedzone|change)\//, '');
const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`);
const bare = (name: string) =>
  name.toLocaleLowerCase('en-US').replace(/\.$/, '');

/**
 * Every zone of the account whose name is exactly `name`, public or private.
 * Route 53 allows several zones with one name, so callers must check.
 */
export async function findZonesByName(
  client: Route53Client,
  name: string,
): Promise<ZoneSummary[]> {
  const zones: ZoneSummary[] = [];
  let dnsName: string | undefined = fqdn(name);
  let hostedZoneId: string | undefined;
  // Results start at `name` in sort order; stop at the first other name.
  for (let page = 0; page < 100 && dnsName; page++) {
    const response: ListHostedZonesByNameCommandOutput = await client.send(
      new ListHostedZonesByNameCommand({
        DNSName: dnsName,
        HostedZoneId: hostedZoneId,
        MaxItems: 100,
      }),
    );
    for (const zone of response.HostedZones ?? []) {
      if (zone.Name !== fqdn(name)) {
        return zones;
      }
      zones.push({
        id: stripPrefix(zone.Id!),
        name: name,
        privateZone: Boolean(zone.Config?.PrivateZone),
        callerReference: zone.CallerReference,
      });
    }
    if (!response.IsTruncated) break;
    dnsName = response.NextDNSName;
    hostedZoneId = response.NextHostedZoneId;
  }
  return zones;
}

/** A zone this call created (or a retry of the same request found). */
export interface CreatedZone {
  zoneId: string;
  /** Absent when the zone was found after HostedZoneAlreadyExists. */
  changeId?: string;
  response?: AwsResponseLike;
}

/**
 * Creates a public zone. A retried request with the same caller reference
 * gets HostedZoneAlreadyExists from Route 53; the zone that request created
 * (the one public zone of the name with that caller reference) is then
 * returned, so a retry never makes a second one nor adopts another's zone.
 */
export async function createPublicZone(
  client: Route53Client,
  options: { name: string; callerReference: string; comment: string },
): Promise<CreatedZone> {
  try {
    const response = await client.send(
      new CreateHostedZoneCommand({
        Name: options.name,
        CallerReference: options.callerReference,
        HostedZoneConfig: { Comment: options.comment, PrivateZone: false },
      }),
    );
    return {
      zoneId: stripPrefix(response.HostedZone!.Id!),
      changeId: response.ChangeInfo?.Id && stripPrefix(response.ChangeInfo.Id),
      response,
    };
  } catch (error) {
    if (!(error instanceof HostedZoneAlreadyExists)) throw error;
    const existing = (await findZonesByName(client, options.name)).filter(
      z => !z.privateZone && z.callerReference === options.callerReference,
    );
    if (existing.length !== 1) throw error;
    return { zoneId: existing[0].id };
  }
}

/** Polls GetChange until Route 53 reports INSYNC, at most `timeoutMs`. */
export async function waitForInsync(
  client: Route53Client,
  changeId: string,
  options: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const { ChangeInfo } = await client.send(
      new GetChangeCommand({ Id: changeId }),
    );
    if (ChangeInfo?.Status === 'INSYNC') return;
    if (options.signal?.aborted)
      throw new Error('Cancelled while waiting for Route 53');
    if (Date.now() > deadline) {
      throw new Error(
        `Route 53 change ${changeId} was not in sync after ${Math.round(
          options.timeoutMs / 1000,
        )} s`,
      );
    }
    await new Promise(resolve =>
      setTimeout(resolve, options.intervalMs ?? 5_000),
    );
  }
}

/** The zone's four name servers. */
export async function getNameServers(
  client: Route53Client,
  zoneId: string,
): Promise<string[]> {
  const { DelegationSet } = await client.send(
    new GetHostedZoneCommand({ Id: zoneId }),
  );
  return DelegationSet?.NameServers ?? [];
}

/** An NS record set in a parent zone: the delegation of one subdomain. */
export interface NsRecord {
  ttl: number;
  values: string[];
}

/** The NS record set `name` in a zone, or undefined when there is none. */
export async function getNsRecord(
  client: Route53Client,
  zoneId: string,
  name: string,
): Promise<NsRecord | undefined> {
  const { ResourceRecordSets } = await client.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      StartRecordName: fqdn(name),
      StartRecordType: 'NS',
      MaxItems: 1,
    }),
  );
  const record = ResourceRecordSets?.find(
    r => bare(r.Name ?? '') === bare(name) && r.Type === 'NS',
  );
  return record
    ? {
        ttl: record.TTL ?? 0,
        values: (record.ResourceRecords ?? []).map(r => r.Value!),
      }
    : undefined;
}

/** What a delegation write returns: its change, or that the record existed. */
export type NsWrite =
  | { kind: 'written'; changeId: string; response: AwsResponseLike }
  | { kind: 'refused' };

/**
 * Writes a new delegation: CREATE, never UPSERT, so Route 53 refuses it
 * (`refused`) when someone wrote an NS record of that name meanwhile, and a
 * delegation of someone else is never overwritten.
 */
export async function createNsRecord(
  client: Route53Client,
  options: {
    zoneId: string;
    name: string;
    nameServers: string[];
    ttl: number;
    comment: string;
  },
): Promise<NsWrite> {
  return changeNsRecord(client, options.zoneId, options.comment, [
    nsChange('CREATE', options.name, {
      ttl: options.ttl,
      values: options.nameServers,
    }),
  ]);
}

/**
 * Replaces a delegation in one change batch: DELETE of the record exactly
 * as it was read, then CREATE of the new one. Route 53 applies the batch
 * whole or not at all and refuses a DELETE whose values differ from the
 * record's, so a change someone made since the read fails (`refused`)
 * instead of being overwritten.
 */
export async function replaceNsRecord(
  client: Route53Client,
  options: {
    zoneId: string;
    name: string;
    previous: NsRecord;
    nameServers: string[];
    ttl: number;
    comment: string;
  },
): Promise<NsWrite> {
  return changeNsRecord(client, options.zoneId, options.comment, [
    nsChange('DELETE', options.name, options.previous),
    nsChange('CREATE', options.name, {
      ttl: options.ttl,
      values: options.nameServers,
    }),
  ]);
}

function nsChange(action: 'CREATE' | 'DELETE', name: string, record: NsRecord) {
  return {
    Action: action,
    ResourceRecordSet: {
      Name: bare(name),
      Type: 'NS' as const,
      TTL: record.ttl,
      ResourceRecords: record.values.map(Value => ({ Value })),
    },
  };
}

async function changeNsRecord(
  client: Route53Client,
  zoneId: string,
  comment: string,
  changes: ReturnType<typeof nsChange>[],
): Promise<NsWrite> {
  try {
    const response = await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        ChangeBatch: { Comment: comment, Changes: changes },
      }),
    );
    return {
      kind: 'written',
      changeId: stripPrefix(response.ChangeInfo!.Id!),
      response,
    };
  } catch (error) {
    // Route 53 names a batch that does not fit the zone's current records
    // InvalidChangeBatch (a CREATE of an existing set, a DELETE of values
    // that are not there); anything else is not ours to interpret.
    if (error instanceof InvalidChangeBatch) return { kind: 'refused' };
    throw error;
  }
}

/** The zone's tags (Route 53 allows at most 50). */
export async function getZoneTags(
  client: Route53Client,
  zoneId: string,
): Promise<Record<string, string>> {
  const { ResourceTagSet } = await client.send(
    new ListTagsForResourceCommand({
      ResourceType: 'hostedzone',
      ResourceId: zoneId,
    }),
  );
  return Object.fromEntries(
    (ResourceTagSet?.Tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']),
  );
}

/** Route 53 takes at most 10 tags per ChangeTagsForResource call. */
const TAGS_PER_CALL = 10;

/** Adds or overwrites tags on a zone, 10 per call; returns the responses. */
export async function tagZone(
  client: Route53Client,
  zoneId: string,
  tags: Record<string, string>,
): Promise<AwsResponseLike[]> {
  const entries = Object.entries(tags);
  const responses: AwsResponseLike[] = [];
  for (let i = 0; i < entries.length; i += TAGS_PER_CALL) {
    responses.push(
      await client.send(
        new ChangeTagsForResourceCommand({
          ResourceType: 'hostedzone',
          ResourceId: zoneId,
          AddTags: entries
            .slice(i, i + TAGS_PER_CALL)
            .map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
    );
  }
  return responses;
}

/** Whether two name-server lists name the same servers, ignoring case, order and trailing dots. */
export function sameNameServers(a: string[], b: string[]): boolean {
  const norm = (list: string[]) =>
    [...new Set(list.map(s => s.toLocaleLowerCase('en-US').replace(/\.$/, '')))]
      .sort()
      .join(',');
  return norm(a) === norm(b);
}

import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  HostedZoneAlreadyExists,
  ListHostedZonesByNameCommand,
  ListHostedZonesByNameCommandOutput,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';

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

/**
 * Creates a public zone. A retried request with the same caller reference
 * gets HostedZoneAlreadyExists from Route 53; the zone that request created
 * is then looked up by name and returned, so a retry never makes a second one.
 */
export async function createPublicZone(
  client: Route53Client,
  options: { name: string; callerReference: string; comment: string },
): Promise<{ zoneId: string; changeId?: string }> {
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
    };
  } catch (error) {
    if (!(error instanceof HostedZoneAlreadyExists)) throw error;
    const existing = (await findZonesByName(client, options.name)).filter(
      z => !z.privateZone,
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

/** The values of the NS record set `name` in a zone, or [] when there is none. */
export async function getNsRecord(
  client: Route53Client,
  zoneId: string,
  name: string,
): Promise<string[]> {
  const { ResourceRecordSets } = await client.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      StartRecordName: fqdn(name),
      StartRecordType: 'NS',
      MaxItems: 1,
    }),
  );
  const record = ResourceRecordSets?.find(
    r => r.Name === fqdn(name) && r.Type === 'NS',
  );
  return (record?.ResourceRecords ?? []).map(r => r.Value!);
}

/** UPSERTs the delegation NS record in the parent; returns the change id. */
export async function upsertNsRecord(
  client: Route53Client,
  options: {
    zoneId: string;
    name: string;
    nameServers: string[];
    ttl: number;
    comment: string;
  },
): Promise<string> {
  const { ChangeInfo } = await client.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: options.zoneId,
      ChangeBatch: {
        Comment: options.comment,
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: fqdn(options.name),
              Type: 'NS',
              TTL: options.ttl,
              ResourceRecords: options.nameServers.map(Value => ({ Value })),
            },
          },
        ],
      },
    }),
  );
  return stripPrefix(ChangeInfo!.Id!);
}

/** Adds or overwrites tags on a zone (at most 10, as Route 53 allows per call). */
export async function tagZone(
  client: Route53Client,
  zoneId: string,
  tags: Record<string, string>,
): Promise<void> {
  const entries = Object.entries(tags);
  if (entries.length === 0) return;
  await client.send(
    new ChangeTagsForResourceCommand({
      ResourceType: 'hostedzone',
      ResourceId: zoneId,
      AddTags: entries.map(([Key, Value]) => ({ Key, Value })),
    }),
  );
}

/** Whether two name-server lists name the same servers, ignoring case, order and trailing dots. */
export function sameNameServers(a: string[], b: string[]): boolean {
  const norm = (list: string[]) =>
    [...new Set(list.map(s => s.toLocaleLowerCase('en-US').replace(/\.$/, '')))]
      .sort()
      .join(',');
  return norm(a) === norm(b);
}

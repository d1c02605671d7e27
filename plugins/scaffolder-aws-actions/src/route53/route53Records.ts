import {
  ChangeResourceRecordSetsCommand,
  ChangeResourceRecordSetsCommandOutput,
  InvalidChangeBatch,
  ListResourceRecordSetsCommand,
  ListResourceRecordSetsCommandOutput,
  Route53Client,
} from '@aws-sdk/client-route-53';

/** An ALIAS target: a load balancer's DNS name and canonical zone. */
export interface AliasTarget {
  dnsName: string;
  hostedZoneId: string;
}

/** A record set at one name, as the workload action compares it. */
export interface RecordSummary {
  type: string;
  alias?: AliasTarget;
  values: string[];
}

const fqdn = (name: string) => (name.endsWith('.') ? name : `${name}.`);
const bare = (name: string) =>
  name.toLocaleLowerCase('en-US').replace(/\.$/, '');

/** Every record set named exactly `name` in the zone (any type). */
export async function getRecordSets(
  client: Route53Client,
  zoneId: string,
  name: string,
): Promise<RecordSummary[]> {
  const records: RecordSummary[] = [];
  let start: { name?: string; type?: string; id?: string } = {
    name: fqdn(name),
  };
  // Sorted by name then type: stop at the first other name.
  for (let page = 0; page < 20 && start.name; page++) {
    const response: ListResourceRecordSetsCommandOutput = await client.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: start.name,
        StartRecordType: start.type as any,
        StartRecordIdentifier: start.id,
        MaxItems: 100,
      }),
    );
    for (const record of response.ResourceRecordSets ?? []) {
      if (bare(record.Name ?? '') !== bare(name)) return records;
      records.push({
        type: record.Type ?? '',
        alias: record.AliasTarget && {
          dnsName: record.AliasTarget.DNSName ?? '',
          hostedZoneId: record.AliasTarget.HostedZoneId ?? '',
        },
        values: (record.ResourceRecords ?? []).map(r => r.Value ?? ''),
      });
    }
    if (!response.IsTruncated) break;
    start = {
      name: response.NextRecordName,
      type: response.NextRecordType,
      id: response.NextRecordIdentifier,
    };
  }
  return records;
}

/** Whether a record set is an A ALIAS to `target` (case and trailing dots ignored). */
export function isAliasTo(record: RecordSummary, target: AliasTarget): boolean {
  return (
    record.type === 'A' &&
    record.alias !== undefined &&
    bare(record.alias.dnsName) === bare(target.dnsName) &&
    record.alias.hostedZoneId === target.hostedZoneId
  );
}

/**
 * Creates an A ALIAS record. CREATE, not UPSERT: Route 53 refuses it when a
 * record of that name and type exists, so a record someone else wrote
 * meanwhile is never overwritten; the caller then reads what is there.
 * Returns the response (its change id to wait for), or undefined when the
 * record already existed.
 */
export async function createAliasRecord(
  client: Route53Client,
  request: {
    zoneId: string;
    name: string;
    target: AliasTarget;
    comment: string;
  },
): Promise<ChangeResourceRecordSetsCommandOutput | undefined> {
  try {
    return await client.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: request.zoneId,
        ChangeBatch: {
          Comment: request.comment,
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: fqdn(request.name),
                Type: 'A',
                AliasTarget: {
                  DNSName: fqdn(request.target.dnsName),
                  HostedZoneId: request.target.hostedZoneId,
                  EvaluateTargetHealth: true,
                },
              },
            },
          ],
        },
      }),
    );
  } catch (error) {
    if (
      error instanceof InvalidChangeBatch &&
      /already exists/i.test(error.message)
    ) {
      return undefined;
    }
    throw error;
  }
}

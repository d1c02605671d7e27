import {
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { normalizeDnsName } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * An NS record set as the delegation check needs it.
 *
 * @public
 */
export type NsRecord = {
  /** Normalized: lowercase, without the trailing dot. */
  nameServers: string[];
  ttl?: number;
};

/**
 * Reads the NS record set at `name` in a hosted zone: the zone's own name
 * servers at its apex, or a parent's delegation to a child. I/O only.
 *
 * One targeted call instead of paging through the zone: Route 53 lists
 * record sets in DNS order starting at StartRecordName/StartRecordType, so
 * the first set returned is the one asked for if it exists, and otherwise
 * the next one, which is checked for. The live delegation check and the
 * catalog's event path both read one record this way.
 *
 * @public
 */
export async function readNsRecord(
  route53: Route53Client,
  zoneId: string,
  name: string,
): Promise<NsRecord | undefined> {
  const wanted = normalizeDnsName(name);
  const page = await route53.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      StartRecordName: wanted,
      StartRecordType: 'NS',
      MaxItems: 1,
    }),
  );
  const set = page.ResourceRecordSets?.[0];
  if (
    !set ||
    set.Type !== 'NS' ||
    normalizeDnsName(set.Name ?? '') !== wanted
  ) {
    return undefined;
  }
  return {
    nameServers: (set.ResourceRecords ?? []).map(record =>
      normalizeDnsName(record.Value ?? ''),
    ),
    ...(set.TTL !== undefined && { ttl: set.TTL }),
  };
}

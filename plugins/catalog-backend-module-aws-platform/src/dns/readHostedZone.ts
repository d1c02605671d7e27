import { GetHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { readNsRecord } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { normalizeDnsName } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { readNsRecords, readTags, toRecord } from './readHostedZones';
import type { HostedZoneRecord, NsDelegation } from './types';

/**
 * Reads of one hosted zone, for the changes an event names: what the
 * account-wide read (readHostedZones) reads of every zone, a zone at a
 * time, and the parts of a zone (its record count, its tags, one NS
 * record) that a change can alter alone.
 */
export interface HostedZoneReader {
  /** The zone with its NS records and tags; undefined when it is gone. */
  zone(zoneId: string): Promise<HostedZoneRecord | undefined>;
  /** The zone's record count; undefined when it is gone. */
  recordCount(zoneId: string): Promise<number | undefined>;
  tags(zoneId: string): Promise<Record<string, string>>;
  /** The NS record set of `name` in the zone, if it has one. */
  nsRecord(zoneId: string, name: string): Promise<NsDelegation | undefined>;
}

/** A {@link HostedZoneReader} on one account's Route 53 client. */
export function createHostedZoneReader(
  client: Route53Client,
): HostedZoneReader {
  const getZone = async (zoneId: string) => {
    try {
      const { HostedZone } = await client.send(
        new GetHostedZoneCommand({ Id: zoneId }),
      );
      return HostedZone;
    } catch (error) {
      if ((error as Error).name === 'NoSuchHostedZone') return undefined;
      throw error;
    }
  };
  return {
    async zone(zoneId) {
      const zone = await getZone(zoneId);
      if (!zone) return undefined;
      const name = normalizeDnsName(zone.Name ?? '');
      const [ns, tags] = await Promise.all([
        readNsRecords(client, zoneId, name),
        readTags(client, [zoneId]),
      ]);
      return toRecord(zone, zoneId, ns, tags);
    },
    async recordCount(zoneId) {
      return (await getZone(zoneId))?.ResourceRecordSetCount ?? undefined;
    },
    async tags(zoneId) {
      return (await readTags(client, [zoneId])).get(zoneId) ?? {};
    },
    async nsRecord(zoneId, name) {
      const record = await readNsRecord(client, zoneId, name);
      return record && { name, ...record };
    },
  };
}

import { mapSettled } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { HostedZoneRecord, NsDelegation } from '../../dns/types';
import type { HostedZoneReader } from '../../dns/readHostedZone';
import type { HeldZone, NamedZone } from './namedZonePlan';

/** One read of a zone or of one of its parts. */
export type ZoneRead =
  | { kind: 'zone'; zone: NamedZone }
  | { kind: 'count'; zone: HeldZone }
  | { kind: 'tags'; zone: HeldZone }
  | { kind: 'ns'; zone: HeldZone; name: string };

/** What the reads answered, by {@link readKey}. */
export type ZoneReads = Map<
  string,
  HostedZoneRecord | number | Record<string, string> | NsDelegation | undefined
>;

/** The key of a read, to find its answer and read each thing once. */
export function readKey(read: ZoneRead): string {
  const id = 'id' in read.zone ? read.zone.id : read.zone.zoneId;
  return `${read.kind} ${id}${read.kind === 'ns' ? ` ${read.name}` : ''}`;
}

/**
 * Runs the reads, each once, `concurrency` at a time, adding the answers
 * to `into`. Throws the first failure: a zone judged on a partial read
 * must not replace what the catalog holds.
 */
export async function readNamedZones(
  reader: (accountId: string) => Promise<HostedZoneReader>,
  reads: readonly ZoneRead[],
  concurrency: number,
  into: ZoneReads,
): Promise<void> {
  const todo = [
    ...new Map(
      reads.filter(r => !into.has(readKey(r))).map(r => [readKey(r), r]),
    ).values(),
  ];
  const outcomes = await mapSettled(todo, concurrency, async read => {
    const zones = await reader(read.zone.accountId);
    switch (read.kind) {
      case 'zone':
        return zones.zone(read.zone.zoneId);
      case 'count':
        return zones.recordCount(read.zone.id);
      case 'tags':
        return zones.tags(read.zone.id);
      default:
        return zones.nsRecord(read.zone.id, read.name);
    }
  });
  const failed = outcomes.find(o => o.status === 'rejected');
  if (failed && failed.status === 'rejected') throw failed.reason;
  todo.forEach((read, i) => {
    const outcome = outcomes[i];
    if (outcome.status === 'fulfilled') into.set(readKey(read), outcome.value);
  });
}

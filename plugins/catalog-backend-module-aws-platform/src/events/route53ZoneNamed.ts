import { normalizeDnsName } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { CloudTrailChangeEvent, isRecord } from './cloudTrailEvent';

/**
 * One hosted zone a Route 53 call changed, and how: created, deleted, its
 * tags, or its record sets (with the names of the NS record sets among
 * them, normalized; none when only other records changed).
 */
export interface ZoneChange {
  /** Without the `/hostedzone/` prefix. */
  zoneId: string;
  change: 'created' | 'deleted' | 'records' | 'tags';
  /** `records` only: the NS record sets' names. */
  nsNames?: readonly string[];
}

/**
 * The zone a Route 53 call names: the id CreateHostedZone answers with,
 * DeleteHostedZone's `id`, ChangeResourceRecordSets' `hostedZoneId` (with
 * its NS record names), ChangeTagsForResource's `resourceId`. Undefined
 * when the event does not say (then the whole account is read again).
 */
export function route53ZoneNamed(
  event: CloudTrailChangeEvent,
): ZoneChange | undefined {
  const request = event.requestParameters;
  switch (event.eventName) {
    case 'CreateHostedZone': {
      const zone = event.responseElements.hostedZone;
      const zoneId = isRecord(zone) ? idOf(zone.id) : undefined;
      return zoneId ? { zoneId, change: 'created' } : undefined;
    }
    case 'DeleteHostedZone': {
      const zoneId = idOf(request.id);
      return zoneId ? { zoneId, change: 'deleted' } : undefined;
    }
    case 'ChangeTagsForResource': {
      const zoneId = idOf(request.resourceId);
      return zoneId ? { zoneId, change: 'tags' } : undefined;
    }
    case 'ChangeResourceRecordSets': {
      const zoneId = idOf(request.hostedZoneId);
      const nsNames = nsNamesOf(request.changeBatch);
      return zoneId && nsNames
        ? { zoneId, change: 'records', nsNames }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The names of the NS record sets in a change batch; undefined when the
 * batch cannot be read (any record may have changed).
 */
export function nsNamesOf(batch: unknown): string[] | undefined {
  const changes = isRecord(batch) ? batch.changes : undefined;
  if (!Array.isArray(changes)) return undefined;
  const names = new Set<string>();
  for (const change of changes) {
    const set = isRecord(change) ? change.resourceRecordSet : undefined;
    if (!isRecord(set) || typeof set.name !== 'string') return undefined;
    if (set.type === 'NS') names.add(normalizeDnsName(set.name));
  }
  return [...names];
}

// Route 53 writes `/hostedzone/Z…` in some places and the bare id in others.
function idOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.replace(/^\/?hostedzone\//, '');
  return /^[A-Z0-9]{1,32}$/.test(id) ? id : undefined;
}

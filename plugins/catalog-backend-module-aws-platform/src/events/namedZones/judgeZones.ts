import { Entity } from '@backstage/catalog-model';
import { zoneEntityName, zonesToEntities } from '../../dns/dnsEntities';
import type { HostedZoneRecord, NsDelegation } from '../../dns/types';
import type { MappingContext } from '../../resources/mappingContext';

/** A zone to map, with the account it is in. */
export interface LocatedRecord {
  accountId: string;
  zone: HostedZoneRecord;
}

/**
 * The entity of `zone` as the full refresh maps it, judged against
 * `parent` (with the NS records read in it) or against no parent: the
 * refresh's own mapping, given just the two zones that decide it.
 * Undefined when the zone's account is not in the organization.
 */
export function judgeZone(
  zone: LocatedRecord,
  parent: { accountId: string; zone: HostedZoneRecord } | undefined,
  parentRecords: readonly NsDelegation[],
  ctx: MappingContext,
): Entity | undefined {
  const scopes = [{ accountId: zone.accountId, zones: [zone.zone] }];
  if (parent) {
    scopes.push({
      accountId: parent.accountId,
      zones: [{ ...parent.zone, delegations: [...parentRecords] }],
    });
  }
  const name = zoneEntityName(zone.zone);
  return zonesToEntities(scopes, ctx, { allScopesRead: true }).find(
    entity => entity.metadata.name === name,
  );
}

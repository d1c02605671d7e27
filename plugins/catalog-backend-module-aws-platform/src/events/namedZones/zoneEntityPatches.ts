import { Entity } from '@backstage/catalog-model';
import type { JsonObject, JsonValue } from '@backstage/types';
import {
  ANNOTATION_DELEGATION_STATUS,
  ANNOTATION_OWNER_SOURCE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { HostedZoneRecord } from '../../dns/types';
import { withAnnotation } from '../../lib/withAnnotation';
import { AccountInfo, resourceOwner } from '../../resources/mappingContext';

/** `spec.zone` of a zone entity, as zonesToEntities writes it. */
type ZoneSpec = {
  id: string;
  name: string;
  private: boolean;
  recordCount: number;
  nameServers: string[];
  delegation?: JsonValue;
};

function zoneSpecOf(entity: Entity): ZoneSpec & JsonObject {
  return entity.spec?.zone as ZoneSpec & JsonObject;
}

/**
 * What judging delegations needs of a zone the catalog holds: its name,
 * visibility and apex name servers; no NS records below it (the caller
 * adds those it read) and no tags (the owner is not judged from this).
 */
export function heldZoneRecord(entity: Entity): HostedZoneRecord {
  const zone = zoneSpecOf(entity);
  return {
    id: zone.id,
    name: zone.name,
    privateZone: zone.private,
    recordCount: zone.recordCount,
    nameServers: zone.nameServers,
    delegations: [],
    tags: {},
  };
}

/** The zone entity with the record count Route 53 answers now. */
export function withRecordCount(entity: Entity, recordCount: number): Entity {
  return {
    ...entity,
    spec: { ...entity.spec, zone: { ...zoneSpecOf(entity), recordCount } },
  };
}

/** The zone entity with the owner its tags name now, else its account's. */
export function withZoneOwner(
  entity: Entity,
  tags: Record<string, string>,
  account: AccountInfo,
  ownerTagKey: string,
): Entity {
  const owner = resourceOwner(tags, account, ownerTagKey);
  const annotated = withAnnotation(
    entity,
    ANNOTATION_OWNER_SOURCE,
    owner.source,
  );
  return { ...annotated, spec: { ...entity.spec, owner: owner.owner } };
}

/**
 * The zone entity with the delegation of `judged` (the same zone mapped
 * again against its parent's NS record): status, parent and `dependsOn`.
 */
export function withDelegationOf(entity: Entity, judged: Entity): Entity {
  const { dependsOn: _dependsOn, ...spec } = entity.spec ?? {};
  const dependsOn = judged.spec?.dependsOn;
  const status =
    judged.metadata.annotations?.[ANNOTATION_DELEGATION_STATUS] ?? '';
  return {
    ...withAnnotation(entity, ANNOTATION_DELEGATION_STATUS, status),
    spec: {
      ...spec,
      ...(dependsOn !== undefined && { dependsOn }),
      zone: {
        ...zoneSpecOf(entity),
        delegation: zoneSpecOf(judged).delegation,
      },
    },
  };
}

import type { LiveZoneDelegation } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { checkDelegation } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { ZoneTarget } from '../liveTargets';
import type { NsRecord } from '@aws-platform-suite/backstage-plugin-aws-platform-node';

/** A live delegation answer before the request's entity ref is added. */
export type ZoneDelegationBody = Omit<LiveZoneDelegation, 'entityRef'>;

/** What is known about the parent zone when the check runs. */
export type ParentReading =
  /** The catalog knows no parent zone for this one. */
  | { kind: 'none' }
  /** The catalog names a parent the caller may not read (or that is gone). */
  | { kind: 'not-visible'; entityRef: string }
  /** The parent zone and its NS record for the child (undefined: none). */
  | {
      kind: 'read';
      entityRef: string;
      zone: ZoneTarget;
      record: NsRecord | undefined;
    };

/**
 * The live delegation check: the parent's NS record for the zone against
 * the zone's own apex NS record, compared as the ingestion compares them
 * (checkDelegation: ignoring case, order and trailing dots). Pure.
 */
export function zoneDelegation(
  zone: ZoneTarget,
  apex: NsRecord | undefined,
  parent: ParentReading,
  readAt: Date,
): ZoneDelegationBody {
  const nameServers = apex?.nameServers ?? [];
  const base = {
    readAt: readAt.toISOString(),
    zone: { ...zone, nameServers },
  };
  if (parent.kind === 'none') {
    return { ...base, status: 'no-parent', missing: [], extra: [] };
  }
  if (parent.kind === 'not-visible') {
    return {
      ...base,
      status: 'unknown',
      missing: [],
      extra: [],
      reason: 'parent-not-visible',
    };
  }
  const check = checkDelegation(parent.record?.nameServers, nameServers);
  return {
    ...base,
    parent: {
      entityRef: parent.entityRef,
      id: parent.zone.id,
      name: parent.zone.name,
      accountId: parent.zone.accountId,
      ...(parent.record && { record: parent.record }),
    },
    ...check,
  };
}

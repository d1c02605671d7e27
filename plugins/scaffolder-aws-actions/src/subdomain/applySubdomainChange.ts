import { ConflictError } from '@backstage/errors';
import type { AwsResponseLike } from '../lib/changeLog';
import {
  createNsRecord,
  createPublicZone,
  getNameServers,
  getNsRecord,
  replaceNsRecord,
  sameNameServers,
  tagZone,
  waitForInsync,
} from '../route53/route53Zones';
import type { SubdomainClients } from './readSubdomainState';
import type { DesiredSubdomain, SubdomainChange } from './subdomainPlan';

/** What a change left behind, kept in its checkpoint (so JSON). */
export type AppliedSubdomainChange = {
  /** The zone the change was about (the new one for createZone). */
  zoneId: string;
  /** False when AWS already had it (an earlier attempt of this task). */
  changed: boolean;
  /** AWS request ids of the writes, for the task log. */
  requestIds: string[];
};

/** Where the changes go and how long to wait for Route 53. */
export interface ApplyContext {
  clients: SubdomainClients;
  desired: DesiredSubdomain;
  parentZoneId: string;
  /** Undefined until the zone exists (before createZone). */
  zoneId?: string;
  comment: string;
  syncTimeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Applies one change so that running it again after a kill (AWS done, the
 * checkpoint not stored) changes nothing: the zone by its CallerReference,
 * tags written whole, and NS records re-read right before a CREATE, or a
 * DELETE of the values read, so a record someone wrote meanwhile is never
 * overwritten.
 */
export async function applySubdomainChange(
  change: SubdomainChange,
  context: ApplyContext,
): Promise<AppliedSubdomainChange> {
  if (change.kind === 'createZone') return createZone(context);
  const zoneId = context.zoneId;
  if (!zoneId) {
    throw new Error(`${change.description}: the zone does not exist yet`);
  }
  switch (change.kind) {
    case 'tagZone': {
      const responses = await tagZone(
        context.clients.workload,
        zoneId,
        change.tags,
      );
      return { zoneId, changed: true, requestIds: requestIds(responses) };
    }
    case 'createDelegation':
      return delegate(context, zoneId, undefined);
    case 'repairDelegation':
      return delegate(context, zoneId, change.previous);
    default:
      throw new Error(`Unknown change ${(change as SubdomainChange).kind}`);
  }
}

async function createZone(
  context: ApplyContext,
): Promise<AppliedSubdomainChange> {
  const { clients, desired } = context;
  const created = await createPublicZone(clients.workload, {
    name: desired.domainName,
    callerReference: desired.callerReference,
    comment: context.comment,
  });
  if (created.changeId) {
    await waitForInsync(clients.workload, created.changeId, {
      timeoutMs: context.syncTimeoutMs,
      signal: context.signal,
    });
  }
  return {
    zoneId: created.zoneId,
    changed: Boolean(created.response),
    requestIds: requestIds(created.response ? [created.response] : []),
  };
}

/**
 * Points the parent's NS record at the zone: CREATE when there is none,
 * or, for a repair, DELETE of `previous` and CREATE in one batch. What is
 * there right before the write decides; anything unexpected is a conflict.
 */
async function delegate(
  context: ApplyContext,
  zoneId: string,
  previous: { ttl: number; values: string[] } | undefined,
): Promise<AppliedSubdomainChange> {
  const { clients, desired, parentZoneId } = context;
  const nameServers = await getNameServers(clients.workload, zoneId);
  if (nameServers.length === 0) {
    throw new Error(`Route 53 returned no name servers for zone ${zoneId}`);
  }
  const current = await getNsRecord(
    clients.network,
    parentZoneId,
    desired.domainName,
  );
  if (current && sameNameServers(current.values, nameServers)) {
    return { zoneId, changed: false, requestIds: [] };
  }
  if (!sameRecord(current, previous)) {
    throw new ConflictError(
      `The NS record ${desired.domainName} in ${
        desired.parentName
      } changed while this task ran (it names ${
        current?.values.join(', ') || 'nothing'
      }); it was left as it is`,
    );
  }
  const request = {
    zoneId: parentZoneId,
    name: desired.domainName,
    nameServers,
    ttl: desired.ttl,
    comment: context.comment,
  };
  const written = previous
    ? await replaceNsRecord(clients.network, { ...request, previous })
    : await createNsRecord(clients.network, request);
  if (written.kind === 'refused') {
    // A retry of a write whose answer was lost is refused too: then the
    // record already names the zone.
    const after = await getNsRecord(
      clients.network,
      parentZoneId,
      desired.domainName,
    );
    if (after && sameNameServers(after.values, nameServers)) {
      return { zoneId, changed: false, requestIds: [] };
    }
    throw new ConflictError(
      `Route 53 refused the NS record ${desired.domainName} in ${desired.parentName}: someone changed it while this task ran; it was left as it is`,
    );
  }
  await waitForInsync(clients.network, written.changeId, {
    timeoutMs: context.syncTimeoutMs,
    signal: context.signal,
  });
  return { zoneId, changed: true, requestIds: requestIds([written.response]) };
}

function sameRecord(
  a: { ttl: number; values: string[] } | undefined,
  b: { ttl: number; values: string[] } | undefined,
): boolean {
  if (!a || !b) return a === b;
  return a.ttl === b.ttl && sameNameServers(a.values, b.values);
}

function requestIds(responses: AwsResponseLike[]): string[] {
  return responses
    .map(response => response.$metadata?.requestId)
    .filter((id): id is string => Boolean(id));
}

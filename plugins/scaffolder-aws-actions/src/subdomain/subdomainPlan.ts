/**
 * What a delegated subdomain should look like, and the changes that get it
 * there from what exists. Pure: the action reads Route 53, calls these, then
 * applies the changes one checkpoint at a time. The safety rules live here:
 * a zone is only reused when the suite made it for the same request, and a
 * parent's NS record is only written when it is missing, or when it is
 * drifted, the zone is the suite's and the template asked for a repair.
 */
import { idempotencyToken } from '../lib/idempotency';
import {
  isMadeBySuite,
  judgeExisting,
  lineageOf,
  MANAGED_BY_VALUE,
  OWNERSHIP_TAG,
  ownershipMarkOf,
  ownershipTags,
  Requester,
} from '../lib/ownership';
import { NsRecord, sameNameServers } from '../route53/route53Zones';

/** The action id, part of every subdomain's lineage. */
export const SUBDOMAIN_ACTION = 'aws-platform:route53:subdomain:create';

/** The subdomain the action should leave behind. */
export interface DesiredSubdomain {
  domainName: string;
  parentName: string;
  accountId: string;
  accountName: string;
  /** The suite's lineage of this request: name, account and owner group. */
  lineage: string;
  /** Route 53's idempotency token for this task's CreateHostedZone. */
  callerReference: string;
  /** Every tag the zone must carry: ownership, `owner` and the template's. */
  tags: Record<string, string>;
  ttl: number;
  repairDelegation: boolean;
}

/** A public zone of the subdomain's name found in the workload account. */
export interface ObservedZone {
  id: string;
  callerReference?: string;
  tags: Record<string, string>;
  nameServers: string[];
}

/** What the action read of the subdomain, in Network and in the account. */
export interface ObservedSubdomain {
  parentZoneId: string;
  zones: ObservedZone[];
  /** The NS record of the subdomain in the parent zone, if any. */
  delegation?: NsRecord;
}

/** One AWS change of the plan, applied inside its own checkpoint. */
export type SubdomainChange = { key: string; description: string } & (
  | { kind: 'createZone' }
  | { kind: 'tagZone'; tags: Record<string, string> }
  | { kind: 'createDelegation' }
  | { kind: 'repairDelegation'; previous: NsRecord }
);

/** The plan: refused for every conflict, else the changes in order. */
export interface SubdomainPlan {
  /** The existing zone the plan builds on; undefined when it creates one. */
  zone?: ObservedZone;
  conflicts: string[];
  changes: SubdomainChange[];
}

/** The desired subdomain of one request (see {@link DesiredSubdomain}). */
export function desiredSubdomain(request: {
  domainName: string;
  parentName: string;
  account: { accountId: string; name: string };
  ownerGroup: string;
  userTags: Record<string, string>;
  requester: Requester;
  ttl: number;
  repairDelegation: boolean;
}): DesiredSubdomain {
  const { domainName, account, ownerGroup, requester } = request;
  const lineage = lineageOf(SUBDOMAIN_ACTION, {
    domainName,
    accountId: account.accountId,
    owner: ownerGroup,
  });
  return {
    domainName,
    parentName: request.parentName,
    accountId: account.accountId,
    accountName: account.name,
    lineage,
    callerReference: idempotencyToken(
      requester.taskId,
      `route53.zone.create:${domainName}`,
    ),
    tags: {
      ...request.userTags,
      owner: ownerGroup,
      ...ownershipTags(lineage, requester),
    },
    ttl: request.ttl,
    repairDelegation: request.repairDelegation,
  };
}

/** Plans the changes from what exists to the desired subdomain. */
export function planSubdomain(
  desired: DesiredSubdomain,
  observed: ObservedSubdomain,
): SubdomainPlan {
  const where = `account ${desired.accountName} (${desired.accountId})`;
  if (observed.zones.length > 1) {
    return {
      conflicts: [
        `${where} already has ${observed.zones.length} public zones named ${
          desired.domainName
        } (${observed.zones
          .map(z => z.id)
          .join(', ')}); remove the duplicates first`,
      ],
      changes: [],
    };
  }
  const zone = observed.zones[0];
  const zoneConflict = zone && judgeZone(desired, zone, where);
  if (zoneConflict) return { conflicts: [zoneConflict], changes: [] };
  const delegation = planDelegation(desired, observed, zone);
  if ('conflict' in delegation) {
    return { zone, conflicts: [delegation.conflict], changes: [] };
  }
  const missingTags = zone
    ? tagsToWrite(desired.tags, zone.tags)
    : desired.tags;
  const changes: SubdomainChange[] = [
    ...(zone
      ? []
      : [
          {
            kind: 'createZone' as const,
            key: `route53.zone.create:${desired.domainName}`,
            description: `Create public hosted zone ${desired.domainName} in ${where}`,
          },
        ]),
    ...(Object.keys(missingTags).length > 0
      ? [
          {
            kind: 'tagZone' as const,
            key: `route53.zone.tag:${desired.domainName}`,
            description: `Tag the ${desired.domainName} zone with ${Object.keys(
              missingTags,
            ).join(', ')}`,
            tags: missingTags,
          },
        ]
      : []),
    ...delegation.changes,
  ];
  return { zone, conflicts: [], changes };
}

/**
 * Why an existing zone of the name cannot be used, or undefined when it can:
 * it carries the suite's tags for this lineage, or it is the zone this very
 * task created (its CallerReference) before it could tag it.
 */
function judgeZone(
  desired: DesiredSubdomain,
  zone: ObservedZone,
  where: string,
): string | undefined {
  if (zone.callerReference === desired.callerReference) return undefined;
  const verdict = judgeExisting(
    zone.tags,
    desired.lineage,
    `The zone ${desired.domainName} (${zone.id}) in ${where}`,
  );
  if (verdict.kind !== 'conflict') return undefined;
  // judgeExisting names the owner of zones the suite did not make.
  if (isMadeBySuite(zone.tags)) {
    const owner = zone.tags.owner ? ` Its owner tag: ${zone.tags.owner}.` : '';
    return `${verdict.reason}.${owner}`;
  }
  // Whoever may tag the zone in AWS can hand it to this request.
  return `${verdict.reason}. To adopt it for this request, tag it ${OWNERSHIP_TAG.managedBy}=${MANAGED_BY_VALUE} and ${OWNERSHIP_TAG.lineage}=${desired.lineage}.`;
}

type DelegationPlan = { changes: SubdomainChange[] } | { conflict: string };

/**
 * The parent's NS record: written with CREATE when missing; left alone when
 * it names exactly the zone's servers; otherwise a conflict, unless the zone
 * is the suite's (judged above) and the template asked for a repair.
 */
function planDelegation(
  desired: DesiredSubdomain,
  observed: ObservedSubdomain,
  zone: ObservedZone | undefined,
): DelegationPlan {
  const { domainName, parentName } = desired;
  const inParent = `zone ${parentName} (${observed.parentZoneId}) of the Network account`;
  const current = observed.delegation;
  if (!current) {
    return {
      changes: [
        {
          kind: 'createDelegation',
          key: `route53.delegation.create:${domainName}`,
          description: `Create NS record ${domainName} (TTL ${desired.ttl}) in ${inParent}, naming the zone's name servers`,
        },
      ],
    };
  }
  if (zone && sameNameServers(current.values, zone.nameServers)) {
    return { changes: [] };
  }
  const named = current.values.join(', ');
  if (!zone) {
    return {
      conflict: `${domainName} is already delegated from ${inParent} to ${named}, a zone that is not the one this request would create; it was left as it is`,
    };
  }
  if (!desired.repairDelegation) {
    return {
      conflict: `The NS record ${domainName} in ${inParent} names ${named}, not the zone's name servers (${zone.nameServers.join(
        ', ',
      )}); it was left as it is. To point it at the zone, run again with repairDelegation (needs aws-platform.route53.delegation.repair)`,
    };
  }
  return {
    changes: [
      {
        kind: 'repairDelegation',
        key: `route53.delegation.repair:${domainName}`,
        description: `Replace NS record ${domainName} in ${inParent} (${named}) with the zone's name servers (TTL ${desired.ttl})`,
        previous: current,
      },
    ],
  };
}

/**
 * The tags to write on an existing zone of this lineage: those missing or
 * different, except who created it and in which task, which stay as the
 * first run wrote them (under the 0.1 keys, for a zone 0.1 made).
 */
function tagsToWrite(
  desired: Record<string, string>,
  existing: Record<string, string>,
): Record<string, string> {
  const mark = ownershipMarkOf(existing);
  const keepFirst: string[] = [
    ...(mark.createdBy === undefined ? [] : [OWNERSHIP_TAG.createdBy]),
    ...(mark.task === undefined ? [] : [OWNERSHIP_TAG.task]),
  ];
  return Object.fromEntries(
    Object.entries(desired).filter(
      ([key, value]) => !keepFirst.includes(key) && existing[key] !== value,
    ),
  );
}

/** The account a change writes to: the zone's, or Network for the delegation. */
export function subdomainChangeAccount(
  change: SubdomainChange,
  accounts: { workloadAccountId: string; networkAccountId: string },
): string {
  return change.kind === 'createZone' || change.kind === 'tagZone'
    ? accounts.workloadAccountId
    : accounts.networkAccountId;
}

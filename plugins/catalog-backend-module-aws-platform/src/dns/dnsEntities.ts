import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_DELEGATION_STATUS,
  AWS_ENTITY_TYPES,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { DelegationStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { scopedEntityName } from '../lib/entityName';
import {
  AccountInfo,
  MappingContext,
  resourceAnnotations,
  resourceOwner,
  scopeKey,
} from '../resources/mappingContext';
import { checkDelegation } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { isStrictlyUnder } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { HostedZoneRecord } from './types';

/** The zones read from one account's Route 53. */
export interface ZoneScope {
  accountId: string;
  zones: HostedZoneRecord[];
}

/** Settings of the DNS transformer. */
export interface DnsTransformOptions {
  /**
   * Whether every account's Route 53 was read. When not, a zone whose parent
   * was not found may have it in an unread account: its status is `unknown`.
   */
  allScopesRead: boolean;
  /** Told about zones that are skipped because their account is unknown. */
  warn?: (message: string) => void;
}

/**
 * `spec.zone.delegation` of a zone entity. A type, not an interface, so that
 * it is assignable to the JSON of `Entity.spec`.
 */
export type ZoneDelegation = {
  parentZone?: string;
  parentZoneName?: string;
  status: DelegationStatus;
  missing: string[];
  extra: string[];
};

interface LocatedZone {
  zone: HostedZoneRecord;
  account: AccountInfo;
}

/**
 * Maps the hosted zones of all read accounts to one `Resource` of type
 * `dns-zone` each, part of its account and depending on its parent zone.
 *
 * Parents are looked up across all accounts, since delegation crosses them
 * (the root zone lives in Network, stage zones in workload accounts). The
 * parent of a public zone is the public zone with the longest name the zone
 * is strictly under. Private zones only look for a private parent in their
 * own account: they are bound to VPCs, so same-named private zones in two
 * accounts are unrelated. Route 53 Resolver does not follow NS delegations
 * in private zones, so for them `not-delegated` is the normal state.
 */
export function zonesToEntities(
  scopes: ReadonlyArray<ZoneScope>,
  ctx: MappingContext,
  options: DnsTransformOptions,
): Entity[] {
  const located: LocatedZone[] = [];
  let skipped = false;
  for (const { accountId, zones } of scopes) {
    const account = ctx.accounts.get(accountId);
    for (const zone of zones) {
      if (account) {
        located.push({ zone, account });
      } else {
        skipped = true;
        options.warn?.(
          `Skipped hosted zone ${zone.id} (${zone.name}): account ${accountId} is not in the organization`,
        );
      }
    }
  }
  // A skipped account's zones are as good as unread when looking for parents.
  const complete = options.allScopesRead && !skipped;

  return located.map(({ zone, account }) => {
    const delegation = delegationOf(zone, account, located, complete);
    return zoneEntity(zone, account, delegation, ctx);
  });
}

function zoneEntity(
  zone: HostedZoneRecord,
  account: AccountInfo,
  delegation: ZoneDelegation,
  ctx: MappingContext,
): Entity {
  const owner = resourceOwner(zone.tags, account, ctx.ownerTagKey);
  const visibility = zone.privateZone ? 'private' : 'public';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: zoneEntityName(zone),
      title: zone.name,
      description: [
        `${
          zone.privateZone ? 'Private' : 'Public'
        } Route 53 hosted zone in the account ${account.name} (${account.id}).`,
        zone.comment,
      ]
        .filter(Boolean)
        .join(' '),
      annotations: {
        ...resourceAnnotations(ctx, {
          scope: scopeKey('route53', account.id),
          accountId: account.id,
          arn: `arn:aws:route53:::hostedzone/${zone.id}`,
          ownerSource: owner.source,
        }),
        [ANNOTATION_DELEGATION_STATUS]: delegation.status,
      },
      tags: ['aws', 'route53', visibility],
      links: [
        {
          url: `https://us-east-1.console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/${zone.id}`,
          title: 'Hosted zone in the Route 53 console',
          icon: 'cloud',
        },
      ],
    },
    spec: {
      type: AWS_ENTITY_TYPES.dnsZone,
      owner: owner.owner,
      partOf: account.entityRef,
      ...(delegation.parentZone && { dependsOn: [delegation.parentZone] }),
      zone: {
        id: zone.id,
        name: zone.name,
        private: zone.privateZone,
        recordCount: zone.recordCount,
        nameServers: zone.nameServers,
        delegation,
      },
    },
  };
}

function delegationOf(
  zone: HostedZoneRecord,
  account: AccountInfo,
  all: readonly LocatedZone[],
  complete: boolean,
): ZoneDelegation {
  const noParent: ZoneDelegation = {
    // A private zone's only candidates are in its own, read, account.
    status: complete || zone.privateZone ? 'no-parent' : 'unknown',
    missing: [],
    extra: [],
  };
  const parent = findParent(zone, account, all);
  if (!parent) return noParent;

  const record = parent.delegations.find(d => d.name === zone.name);
  // The parent hands an intermediate name (e.g. `team.example.com` for
  // `api.team.example.com`) to a zone that was not ingested: that zone, not
  // this one, is the real parent.
  const delegatedAbove = parent.delegations.some(
    d =>
      isStrictlyUnder(zone.name, d.name) &&
      isStrictlyUnder(d.name, parent.name),
  );
  if (!record && delegatedAbove) return noParent;

  const check = checkDelegation(record?.nameServers, zone.nameServers);
  return {
    parentZone: stringifyEntityRef({
      kind: 'resource',
      namespace: 'default',
      name: zoneEntityName(parent),
    }),
    parentZoneName: parent.name,
    ...check,
  };
}

function findParent(
  zone: HostedZoneRecord,
  account: AccountInfo,
  all: readonly LocatedZone[],
): HostedZoneRecord | undefined {
  const candidates = all
    .filter(
      other =>
        other.zone.privateZone === zone.privateZone &&
        (!zone.privateZone || other.account.id === account.id) &&
        isStrictlyUnder(zone.name, other.zone.name),
    )
    .map(other => other.zone);
  const longest = Math.max(0, ...candidates.map(c => c.name.length));
  const closest = candidates.filter(c => c.name.length === longest);
  // Route 53 allows same-named zones: prefer the one that delegates to this
  // zone correctly, then any that delegates to it, then the lowest id.
  const rank = (parent: HostedZoneRecord) => {
    const record = parent.delegations.find(d => d.name === zone.name);
    if (!record) return 2;
    return checkDelegation(record.nameServers, zone.nameServers).status ===
      'in-sync'
      ? 0
      : 1;
  };
  return closest.sort(
    (a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id),
  )[0];
}

/**
 * Entity name of a hosted zone, e.g. `example-com-1a2b3c4d`: its domain name
 * (which a zone cannot change) and a hash of its zone id, because Route 53
 * allows several zones of one name.
 */
export function zoneEntityName(
  zone: Pick<HostedZoneRecord, 'id' | 'name'>,
): string {
  return scopedEntityName({ readable: zone.name, id: zone.id });
}

import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  AWS_ENTITY_TYPES,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { ResourceReaders } from '../ingestion/resourceReaders';
import type { ScopeOutcome } from '../ingestion/scopes';
import type { IngestionConfig } from '../ingestionConfig';
import {
  ChangedAccounts,
  delegatedNamesOf,
  isReEmitted,
  neighbourAccounts,
  ZoneSighting,
} from './dnsNeighbourhood';
import type { EventCatalog } from './eventCatalog';
import type { ScopeChange } from './eventChange';
import { EventOrganization, whyNotRead } from './eventOrganization';
import { readChangedScopes, zonesOf } from './readChangedScopes';

/** The zones read around the changed Route 53 scopes. */
export interface DelegationNeighbourhood {
  /** The Route 53 scopes of the accounts above and below, read now. */
  neighbours: ScopeOutcome<unknown>[];
  /** Changed scopes whose neighbourhood could not be read: they count as failed. */
  failedScopes: ReadonlySet<string>;
  /** Why they failed. */
  error?: unknown;
  /** Whether a mapped entity is emitted (a zone above a change is not). */
  isEmitted(entity: Entity): boolean;
}

/**
 * Reads the Route 53 scopes of the accounts whose zones a changed
 * account's zones are judged against (`neighbourAccounts`), found from
 * the zones the catalog holds and those read now. When the catalog or a
 * neighbour cannot be read, the changed Route 53 scopes count as failed:
 * their zones' delegation could not be judged as a refresh judges it.
 */
export async function readDelegationNeighbourhood(input: {
  changes: readonly ScopeChange[];
  outcomes: readonly ScopeOutcome<unknown>[];
  organization: EventOrganization;
  config: IngestionConfig;
  readers: ResourceReaders;
  catalog: EventCatalog;
}): Promise<DelegationNeighbourhood> {
  const read = input.outcomes.filter(
    o => o.ok && o.scope.service === 'route53',
  );
  const all = new Set(read.map(o => o.scope.accountId));
  // Only accounts read now: the children of an unread one stay as they are.
  const delegations = input.changes.filter(
    c => c.service === 'route53' && c.delegation && all.has(c.accountId),
  );
  if (read.length === 0) {
    return { neighbours: [], failedScopes: new Set(), isEmitted: () => true };
  }
  const failAll = (error: unknown): DelegationNeighbourhood => ({
    neighbours: [],
    failedScopes: new Set(read.map(o => o.scope.key)),
    error,
    isEmitted: () => true,
  });
  let zones: ZoneSighting[];
  try {
    zones = await input.catalog.zones(input.organization.ctx.organizationId);
  } catch (error) {
    return failAll(error);
  }
  zones.push(...read.flatMap(o => sightingsOf(o)));
  const changed: ChangedAccounts = {
    all,
    delegatedNames: delegatedNamesOf(delegations, zones),
  };
  const neighbourScopes = neighbourAccounts(changed, zones)
    .map(accountId => ({
      kind: 'scope' as const,
      key: `route53:${accountId}`,
      service: 'route53' as const,
      accountId,
      delegation: false,
    }))
    .filter(s => !whyNotRead(s, input.organization, input.config));
  const neighbours = await readChangedScopes(
    input.readers,
    neighbourScopes,
    input.config,
  );
  const failed = neighbours.find(o => !o.ok);
  if (failed && !failed.ok) return failAll(failed.error);
  return {
    neighbours,
    failedScopes: new Set(),
    isEmitted: entity =>
      entity.spec?.type !== AWS_ENTITY_TYPES.dnsZone ||
      isReEmitted(sightingOfEntity(entity), changed),
  };
}

function sightingsOf(outcome: ScopeOutcome<unknown>): ZoneSighting[] {
  return zonesOf(outcome).map(zone => ({
    accountId: outcome.scope.accountId,
    name: zone.name,
    privateZone: zone.privateZone,
  }));
}

function sightingOfEntity(entity: Entity): ZoneSighting {
  const zone = entity.spec?.zone as { name: string; private: boolean };
  return {
    accountId: entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] ?? '',
    name: zone.name,
    privateZone: zone.private,
  };
}

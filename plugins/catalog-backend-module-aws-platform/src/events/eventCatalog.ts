import type { AuthService } from '@backstage/backend-plugin-api';
import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_ORGANIZATION_ID,
  AWS_ENTITY_TYPES,
  isSuiteLocationRef,
  SUITE_LOCATION_PREFIX,
  suiteLocationRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { toProviderEntity } from '../ingestion/providerEntity';
import { providerIdOf } from '../providerIdentity';
import type { ZoneSighting } from './dnsNeighbourhood';

/** What the event path reads from the catalog, besides the ingestion's memory. */
export interface EventCatalog {
  /** The provider's account entities, whatever their organization. */
  accounts(): Promise<Entity[]>;
  /** The provider's OU and root entities of the organization. */
  organizationalUnits(organizationId: string): Promise<Entity[]>;
  /** Where the provider's hosted zones of the organization are. */
  zones(organizationId: string): Promise<ZoneSighting[]>;
  /** Whatever the catalog holds under these refs, whoever emitted it. */
  entitiesByRefs(refs: readonly string[]): Promise<Entity[]>;
}

const PAGE_SIZE = 1000;
const REFS_PER_REQUEST = 200;

/**
 * The {@link EventCatalog} of the provider of section `providerId`, read
 * with the plugin's own credentials. As in the ingestion's memory, only
 * entities that provider emitted count (the queries match
 * case-insensitively, so each entity is checked again exactly).
 */
export function createEventCatalog(
  catalog: CatalogService,
  auth: AuthService,
  providerId: string,
): EventCatalog {
  const own = (entity: Entity) =>
    providerIdOf(entity) === providerId &&
    isSuiteLocationRef(entity.metadata.annotations?.[ANNOTATION_LOCATION]);
  async function stream(query: object, fields?: string[]): Promise<Entity[]> {
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    const pages = catalog.streamEntities(
      { query: query as never, pageSize: PAGE_SIZE, ...(fields && { fields }) },
      { credentials },
    );
    for await (const page of pages) entities.push(...page.filter(own));
    return entities;
  }
  return {
    async accounts() {
      const accounts = await stream({
        $all: [
          { 'spec.type': AWS_ENTITY_TYPES.account },
          {
            [`metadata.annotations.${ANNOTATION_LOCATION}`]: {
              $hasPrefix: SUITE_LOCATION_PREFIX,
            },
          },
        ],
      });
      return accounts
        .filter(a => a.spec?.type === AWS_ENTITY_TYPES.account)
        .map(toProviderEntity);
    },
    async organizationalUnits(organizationId) {
      const units = await stream({
        $all: [
          { 'spec.type': AWS_ENTITY_TYPES.organizationalUnit },
          {
            [`metadata.annotations.${ANNOTATION_LOCATION}`]:
              suiteLocationRef(organizationId),
          },
        ],
      });
      return units
        .filter(u => u.spec?.type === AWS_ENTITY_TYPES.organizationalUnit)
        .map(toProviderEntity);
    },
    async zones(organizationId) {
      const zones = await stream(
        {
          $all: [
            { 'spec.type': AWS_ENTITY_TYPES.dnsZone },
            {
              [`metadata.annotations.${ANNOTATION_LOCATION}`]:
                suiteLocationRef(organizationId),
            },
          ],
        },
        ['kind', 'metadata', 'spec.type', 'spec.zone'],
      );
      return zones.flatMap(zone => sightingOf(zone, organizationId));
    },
    async entitiesByRefs(refs) {
      const credentials = await auth.getOwnServiceCredentials();
      const found: Entity[] = [];
      for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
        const { items } = await catalog.getEntitiesByRefs(
          { entityRefs: refs.slice(i, i + REFS_PER_REQUEST) },
          { credentials },
        );
        found.push(...items.flatMap(item => (item ? [item] : [])));
      }
      return found;
    },
  };
}

function sightingOf(zone: Entity, organizationId: string): ZoneSighting[] {
  const annotations = zone.metadata.annotations ?? {};
  const spec = zone.spec?.zone as {
    id?: unknown;
    name?: unknown;
    private?: unknown;
    delegation?: { parentZone?: unknown };
  };
  if (
    annotations[ANNOTATION_ORGANIZATION_ID] !== organizationId ||
    zone.spec?.type !== AWS_ENTITY_TYPES.dnsZone ||
    typeof spec?.name !== 'string'
  ) {
    return [];
  }
  return [
    {
      accountId: annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? '',
      name: spec.name,
      privateZone: spec.private === true,
      ...(typeof spec.id === 'string' && { id: spec.id }),
      ...(typeof spec.delegation?.parentZone === 'string' && {
        parentZone: spec.delegation.parentZone,
      }),
    },
  ];
}

/**
 * The catalog with `zones()` asked once: each later call answers the first
 * call's list. For one batch of changes, whose paths may each need it.
 */
export function withZonesListedOnce(catalog: EventCatalog): EventCatalog {
  const listed = new Map<string, Promise<ZoneSighting[]>>();
  return {
    accounts: () => catalog.accounts(),
    organizationalUnits: id => catalog.organizationalUnits(id),
    entitiesByRefs: refs => catalog.entitiesByRefs(refs),
    zones: organizationId => {
      if (!listed.has(organizationId)) {
        listed.set(organizationId, catalog.zones(organizationId));
      }
      return listed.get(organizationId)!;
    },
  };
}

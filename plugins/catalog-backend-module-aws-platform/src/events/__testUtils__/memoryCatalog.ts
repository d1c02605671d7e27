import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_INGESTION_SCOPE,
  ANNOTATION_ORGANIZATION_ID,
  AWS_ENTITY_TYPES,
  suiteLocationRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { CatalogMemory } from '../../ingestion/catalogMemory';
import type { EventCatalog } from '../eventCatalog';
import type { DeltaTarget } from '../ScopeRefresher';
import { refOf } from '../scopeDelta';

/**
 * The catalog's provider-facing side in memory: what a full or delta
 * mutation leaves, read back the way the suite's catalog queries read it
 * (by scope, location and organization). For unit tests of the event path;
 * the emulator test runs the real catalog.
 */
export class MemoryCatalog implements CatalogMemory, EventCatalog, DeltaTarget {
  readonly #entities = new Map<string, Entity>();
  /** Entities someone else registered (not the provider's). */
  readonly foreign = new Map<string, Entity>();
  readonly deltas: Array<{ added: Entity[]; removedRefs: string[] }> = [];

  /** Replaces everything, as a full mutation does. */
  applyFull(entities: readonly Entity[]): void {
    this.#entities.clear();
    for (const entity of entities) this.#entities.set(refOf(entity), entity);
  }

  async applyDelta(added: Entity[], removedRefs: string[]): Promise<void> {
    this.deltas.push({ added, removedRefs });
    for (const ref of removedRefs) this.#entities.delete(ref.toLowerCase());
    for (const entity of added) this.#entities.set(refOf(entity), entity);
  }

  /** Every entity, sorted by ref. */
  all(): Entity[] {
    return [...this.#entities.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, entity]) => entity);
  }

  async entitiesOfScopes(
    scopes: readonly string[],
    organizationId: string,
    scopePrefixes: readonly string[] = [],
  ): Promise<Entity[]> {
    return this.all().filter(entity => {
      const annotations = entity.metadata.annotations ?? {};
      const scope = annotations[ANNOTATION_INGESTION_SCOPE] ?? '';
      return (
        annotations[ANNOTATION_ORGANIZATION_ID] === organizationId &&
        annotations[ANNOTATION_LOCATION] === suiteLocationRef(organizationId) &&
        (scopes.includes(scope) || scopePrefixes.some(p => scope.startsWith(p)))
      );
    });
  }

  async lastAppliedRun() {
    const entities = this.all();
    return {
      refs: new Set(entities.map(e => stringifyEntityRef(e))),
      arnOf: new Map(
        entities.flatMap(e => {
          const arn = e.metadata.annotations?.[ANNOTATION_AWS_ARN];
          return arn ? [[stringifyEntityRef(e), arn] as const] : [];
        }),
      ),
      organizationIds: [
        ...new Set(
          entities.flatMap(
            e => e.metadata.annotations?.[ANNOTATION_ORGANIZATION_ID] ?? [],
          ),
        ),
      ],
    };
  }

  async accounts(): Promise<Entity[]> {
    return this.all().filter(e => e.spec?.type === AWS_ENTITY_TYPES.account);
  }

  async organizationalUnits(organizationId: string): Promise<Entity[]> {
    return this.all().filter(
      e =>
        e.spec?.type === AWS_ENTITY_TYPES.organizationalUnit &&
        e.metadata.annotations?.[ANNOTATION_ORGANIZATION_ID] === organizationId,
    );
  }

  async zones(organizationId: string) {
    return this.all()
      .filter(
        e =>
          e.spec?.type === AWS_ENTITY_TYPES.dnsZone &&
          e.metadata.annotations?.[ANNOTATION_ORGANIZATION_ID] ===
            organizationId,
      )
      .map(e => {
        const zone = e.spec?.zone as {
          id: string;
          name: string;
          private: boolean;
          delegation: { parentZone?: string };
        };
        return {
          accountId: e.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] ?? '',
          name: zone.name,
          privateZone: zone.private,
          id: zone.id,
          ...(zone.delegation.parentZone && {
            parentZone: zone.delegation.parentZone,
          }),
        };
      });
  }

  async entitiesByRefs(refs: readonly string[]): Promise<Entity[]> {
    return refs.flatMap(ref => {
      const key = ref.toLowerCase();
      return this.#entities.get(key) ?? this.foreign.get(key) ?? [];
    });
  }
}

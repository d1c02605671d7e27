/**
 * The catalog of the event-path child: the plugin's own in-memory catalog
 * (what full and delta mutations leave, read back as the suite's catalog
 * queries read it), with every mutation checked against the states the
 * orchestrator waits for. "Reached the catalog" is then the mutation that
 * holds the changed entity's state, timed when it is applied.
 */
import type { Entity } from '@backstage/catalog-model';
import { MemoryCatalog } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/events/__testUtils__/memoryCatalog';
import type { EntityMatch } from './protocol.ts';

type Seen = (id: string, at: number, mutation: 'delta' | 'full') => void;

/** Whether the entity is the state `match` describes. */
export function matches(entity: Entity, match: EntityMatch): boolean {
  if (entity.spec?.type !== match.type) return false;
  if (entity.metadata.title !== match.title) return false;
  const json = JSON.stringify(entity);
  return match.includes.every(part => json.includes(part));
}

export class RecordingCatalog extends MemoryCatalog {
  readonly #expected = new Map<string, EntityMatch>();
  readonly #seen: Seen;

  constructor(seen: Seen) {
    super();
    this.#seen = seen;
  }

  /** Waits for a mutation holding `match` (applied after this call). */
  expect(id: string, match: EntityMatch): void {
    this.#expected.set(id, match);
  }

  async applyDelta(added: Entity[], removedRefs: string[]): Promise<void> {
    await super.applyDelta(added, removedRefs);
    this.#check(added, 'delta');
  }

  applyFull(entities: readonly Entity[]): void {
    super.applyFull(entities);
    this.#check(entities, 'full');
  }

  #check(entities: readonly Entity[], mutation: 'delta' | 'full'): void {
    const at = Date.now();
    for (const [id, match] of this.#expected) {
      if (entities.some(entity => matches(entity, match))) {
        this.#expected.delete(id);
        this.#seen(id, at, mutation);
      }
    }
  }
}

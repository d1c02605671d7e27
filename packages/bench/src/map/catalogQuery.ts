/**
 * The part of the catalog's `GET /entities` query the map benchmark's server
 * answers: `filter` parameters (each a comma-separated list of `key=value`
 * that must all match, several of them meaning "any of"), matched without
 * case on dotted paths as the catalog does, and `fields` projections.
 */

/** An entity as plain JSON. */
export type JsonEntity = Record<string, unknown>;

// Values at a dotted path; keys may contain dots themselves (annotations).
function valuesAt(entity: unknown, path: string): string[] {
  const parts = path.split('.');
  const walk = (value: unknown, from: number): unknown[] => {
    if (from === parts.length) return Array.isArray(value) ? value : [value];
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
    const record = value as Record<string, unknown>;
    const found: unknown[] = [];
    for (let to = from + 1; to <= parts.length; to++) {
      const key = parts.slice(from, to).join('.');
      if (key in record) found.push(...walk(record[key], to));
    }
    return found;
  };
  return walk(entity, 0)
    .filter(v => v !== undefined && v !== null && typeof v !== 'object')
    .map(v => String(v).toLocaleLowerCase('en-US'));
}

/** The entities matching any of the catalog filter strings (all without filters). */
export function filterEntities(
  entities: JsonEntity[],
  filters: string[],
): JsonEntity[] {
  if (filters.length === 0) return entities;
  const parsed = filters.map(filter =>
    filter.split(',').map(part => {
      const at = part.indexOf('=');
      return at < 0
        ? { key: part, value: undefined }
        : {
            key: part.slice(0, at),
            value: part.slice(at + 1).toLocaleLowerCase('en-US'),
          };
    }),
  );
  return entities.filter(entity =>
    parsed.some(conditions =>
      conditions.every(({ key, value }) => {
        const values = valuesAt(entity, key);
        return value === undefined ? values.length > 0 : values.includes(value);
      }),
    ),
  );
}

/** The entity with only the given dotted fields. */
export function projectFields(
  entity: JsonEntity,
  fields: string[],
): JsonEntity {
  const out: JsonEntity = {};
  for (const field of fields) {
    const parts = field.split('.');
    let source: unknown = entity;
    let target: Record<string, unknown> = out;
    for (let i = 0; i < parts.length; i++) {
      if (!source || typeof source !== 'object') break;
      const value = (source as Record<string, unknown>)[parts[i]];
      if (value === undefined) break;
      if (i === parts.length - 1) {
        target[parts[i]] = value;
      } else {
        target[parts[i]] = (target[parts[i]] as Record<string, unknown>) ?? {};
        target = target[parts[i]] as Record<string, unknown>;
      }
      source = value;
    }
  }
  return out;
}

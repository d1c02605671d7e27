/**
 * `{ [key]: value }` when the value is set, else `{}`: DTOs leave unknown
 * fields out rather than sending nulls or empty strings.
 */
export function optionalField<K extends string, V>(
  key: K,
  value: V | undefined | null,
): Partial<Record<K, V>> {
  return value === undefined || value === null || value === ''
    ? {}
    : ({ [key]: value } as Record<K, V>);
}

import { LEGACY_OWNERSHIP_TAG, OWNERSHIP_TAG } from '../ownership';

/**
 * Tags as version 0.1 of the suite wrote them: the suite's ownership tags
 * under their 0.1 keys (`aws-platform.io/`), every other tag as it is.
 */
export function asVersion01Tags(
  tags: Record<string, string>,
): Record<string, string> {
  const keys = Object.keys(OWNERSHIP_TAG) as (keyof typeof OWNERSHIP_TAG)[];
  const renamed = new Map<string, string>(
    keys.map(key => [OWNERSHIP_TAG[key], LEGACY_OWNERSHIP_TAG[key]]),
  );
  return Object.fromEntries(
    Object.entries(tags).map(([key, value]) => [
      renamed.get(key) ?? key,
      value,
    ]),
  );
}

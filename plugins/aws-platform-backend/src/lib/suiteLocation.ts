/*
 * Where the suite's entities come from. The ingestion writes it and the live
 * status endpoints check it (only entities the suite emitted are served), so
 * both read it from here.
 */

/** The provider's location key, under which it applies its entities. */
export const SUITE_LOCATION_KEY = 'aws-platform:organization';

/** `backstage.io/managed-by-location` of every entity emitted for an organization. */
export function suiteLocationRef(organizationId: string): string {
  return `${SUITE_LOCATION_KEY}/${organizationId}`;
}

/** Whether a `backstage.io/managed-by-location` value is one the suite wrote. */
export function isSuiteLocationRef(location: string): boolean {
  return location.startsWith(`${SUITE_LOCATION_KEY}/`);
}

import { parseEntityRef } from '@backstage/catalog-model';

// The teams the subdomain tests' zones belong to: Groups in their catalogs.

/** The owner of most test subdomains. */
export const PAYMENTS = 'group:default/payments';

/** The owner of the seeded zones (their owner tag is platform-team). */
export const PLATFORM_TEAM = 'group:default/platform-team';

/** The catalog Group entity of an owner ref above. */
export function ownerGroupEntity(ref: string) {
  const { name, namespace } = parseEntityRef(ref);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace },
    spec: { type: 'team', children: [] },
  };
}

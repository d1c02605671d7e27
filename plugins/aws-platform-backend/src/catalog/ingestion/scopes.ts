/** The AWS services the ingestion reads resources from, per account. */
export type ResourceService = 'route53' | 'eks' | 'backup';

/** All of them, in the order they are read. */
export const RESOURCE_SERVICES: readonly ResourceService[] = [
  'route53',
  'eks',
  'backup',
];

/** One unit of reading: a service in an account (and region, for regional services). */
export interface Scope {
  /** e.g. `route53:715451680876`, `eks:715451680876:us-east-1`. */
  key: string;
  service: ResourceService;
  accountId: string;
  region?: string;
}

/** The outcome of reading one scope. */
export type ScopeOutcome<TData> =
  | { scope: Scope; ok: true; data: TData }
  | { scope: Scope; ok: false; error: unknown };

/**
 * Every scope to read: Route 53 once per account (it is global), EKS and
 * Backup once per account and region.
 */
export function listScopes(
  accountIds: readonly string[],
  regions: readonly string[],
  services: readonly ResourceService[],
): Scope[] {
  const scopes: Scope[] = [];
  for (const accountId of accountIds) {
    for (const service of services) {
      if (service === 'route53') {
        scopes.push({ key: `route53:${accountId}`, service, accountId });
      } else {
        for (const region of regions) {
          scopes.push({
            key: `${service}:${accountId}:${region}`,
            service,
            accountId,
            region,
          });
        }
      }
    }
  }
  return scopes;
}

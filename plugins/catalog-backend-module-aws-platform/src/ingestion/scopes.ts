/** The AWS services the ingestion reads resources from, per account. */
export type ResourceService = 'route53' | 'eks' | 'backup' | 'ecr';

/** All of them, in the order they are read. */
export const RESOURCE_SERVICES: readonly ResourceService[] = [
  'route53',
  'eks',
  'backup',
  'ecr',
];

/**
 * Whether a service's scopes become entities. ECR is read only as evidence
 * of the accounts' roles (which account holds the repositories others pull
 * from): a failed ECR scope has no entities to keep, and leaves every other
 * scope's conclusions as they are.
 */
export function emitsEntities(service: ResourceService): boolean {
  return service !== 'ecr';
}

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

/** The regions to read one account's regional services in. */
export interface AccountScopeRegions {
  accountId: string;
  regions: readonly string[];
}

/**
 * Every scope to read: Route 53 once per account (it is global), EKS,
 * Backup and ECR once per account and each of that account's regions. An
 * account with no regions listed gets its Route 53 scope only.
 */
export function listScopes(
  accounts: readonly AccountScopeRegions[],
  services: readonly ResourceService[],
): Scope[] {
  const scopes: Scope[] = [];
  for (const { accountId, regions } of accounts) {
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

/** The scope reported when an account's enabled regions could not be read. */
export function regionsScopeKey(accountId: string): string {
  return `regions:${accountId}`;
}

/**
 * What every regional scope key of the account starts with, whatever its
 * region (e.g. `eks:111111111111:`): the scopes whose entities are kept when
 * the account's regions are unknown.
 */
export function regionalScopePrefixes(
  accountId: string,
  services: readonly ResourceService[],
): string[] {
  return services
    .filter(service => service !== 'route53' && emitsEntities(service))
    .map(service => `${service}:${accountId}:`);
}

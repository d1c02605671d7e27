const GLOBAL_SERVICES = new Set(['Route 53', 'Organizations', 'IAM', 'STS']);

/**
 * AWS throttles a regional API per account and region, a global one (Route
 * 53, Organizations, IAM) per account, so a regional client shares its
 * bucket only with clients of the same account and region: reading 17
 * regions of an account is not paced as if it were one.
 */
export function rateLimitKey(
  accountKey: string,
  service: string,
  region: string,
): string {
  return GLOBAL_SERVICES.has(service)
    ? `${accountKey}:${service}`
    : `${accountKey}:${region}:${service}`;
}

/**
 * Client-side request rates per account and service (and region, for a
 * regional API), in requests per second.
 *
 * Route 53 allows 10 requests per second per account (5 under the older
 * regime the guide still warns about), shared by every caller of that account;
 * staying at 5 leaves room for Terraform and the console. Organizations, EKS
 * and AWS Backup publish no figures; at 10 per second with adaptive retries
 * the benchmark (docs/benchmarks.md) saw a few throttled calls and no failure
 * against a server that allows 10.
 *
 * `AssumeRole` is not a service but the credential requests of all accounts
 * together: they all leave from the main account's identity, so one bucket
 * paces them. STS publishes no rate; 100 per second matches what the
 * benchmark assumes, and throttled requests are retried with backoff.
 *
 * @public
 */
export const DEFAULT_RATE_LIMITS: Record<
  string,
  { ratePerSecond: number; burst: number }
> = {
  'Route 53': { ratePerSecond: 5, burst: 10 },
  Organizations: { ratePerSecond: 10, burst: 20 },
  STS: { ratePerSecond: 10, burst: 20 },
  EKS: { ratePerSecond: 10, burst: 20 },
  Backup: { ratePerSecond: 10, burst: 20 },
  SSM: { ratePerSecond: 10, burst: 20 },
  ECR: { ratePerSecond: 10, burst: 20 },
  AssumeRole: { ratePerSecond: 100, burst: 100 },
};

/**
 * Used for a service missing from {@link DEFAULT_RATE_LIMITS}.
 *
 * @public
 */
export const FALLBACK_RATE_LIMIT = { ratePerSecond: 10, burst: 20 };

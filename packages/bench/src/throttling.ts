/**
 * Server-side throttling as AWS applies it: a token bucket per account (and
 * region, for regional services) and API family. The proxy rejects a request
 * whose bucket is empty with the service's own throttling error (from
 * @internal/local-aws's fault-injection module), so every
 * implementation meets the same limits and retries with its own strategy.
 */

/** One bucket's rate; `source` says whether AWS publishes it. */
export type BucketLimit = {
  ratePerSecond: number;
  burst: number;
  /** `published` (with where) or `assumed` (AWS publishes no figure). */
  source: string;
};

/**
 * The "AWS-like" limits. Only Route 53 publishes its request rate
 * (aws-platform-guide.md §f.2: every API of an account shares a bucket of
 * burst 50, refill 10 per second since 2026-07-30). Organizations, EKS, AWS
 * Backup and STS publish no figures that could be retrieved (§f.1, §f.3,
 * §f.4, §g): these are assumptions of the same order, overridable with
 * `--limit service=rate/burst`.
 */
export const AWS_LIKE_LIMITS: Record<string, BucketLimit> = {
  route53: {
    ratePerSecond: 10,
    burst: 50,
    source: 'published: per account, all Route 53 APIs combined',
  },
  organizations: {
    ratePerSecond: 10,
    burst: 20,
    source: 'assumed: per account (the management account)',
  },
  sts: {
    ratePerSecond: 100,
    burst: 200,
    source: 'assumed: per calling account and region',
  },
  eks: {
    ratePerSecond: 10,
    burst: 20,
    source: 'assumed: per account and region',
  },
  backup: {
    ratePerSecond: 10,
    burst: 20,
    source: 'assumed: per account and region',
  },
  ecr: {
    ratePerSecond: 10,
    burst: 20,
    source: 'assumed: per account and region',
  },
  ssm: {
    ratePerSecond: 40,
    burst: 40,
    source:
      'published: Parameter Store standard throughput, 40 per account and region',
  },
};

/** Global services have one bucket per account, regional ones per region too. */
const GLOBAL_SERVICES = new Set(['route53', 'organizations', 'iam']);

/** A plain token bucket that answers at once: take or be throttled. */
export class Bucket {
  readonly #rate: number;
  readonly #burst: number;
  #tokens: number;
  #updatedAt: number;

  constructor(limit: { ratePerSecond: number; burst: number }, now: number) {
    this.#rate = limit.ratePerSecond;
    this.#burst = limit.burst;
    this.#tokens = limit.burst;
    this.#updatedAt = now;
  }

  tryTake(now: number): boolean {
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + ((now - this.#updatedAt) / 1000) * this.#rate,
    );
    this.#updatedAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/** Every bucket of one benchmark run, created on first use. */
export class Throttle {
  readonly #limits: Record<string, BucketLimit>;
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;

  constructor(limits: Record<string, BucketLimit>, now: () => number) {
    this.#limits = limits;
    this.#now = now;
  }

  /** False when the caller's account has spent this service's bucket. */
  allow(request: { account: string; service: string; region: string }) {
    const limit = this.#limits[request.service];
    if (!limit) return true;
    const key = GLOBAL_SERVICES.has(request.service)
      ? `${request.account}:${request.service}`
      : `${request.account}:${request.service}:${request.region}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new Bucket(limit, this.#now());
      this.#buckets.set(key, bucket);
    }
    return bucket.tryTake(this.#now());
  }
}

/** Parses `service=rate/burst` flags over the defaults. */
export function withLimitOverrides(
  base: Record<string, BucketLimit>,
  overrides: readonly string[],
): Record<string, BucketLimit> {
  const limits = { ...base };
  for (const override of overrides) {
    const match = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)\/(\d+)$/.exec(override);
    if (!match) {
      throw new Error(`--limit ${override}: expected service=rate/burst`);
    }
    limits[match[1]] = {
      ratePerSecond: Number(match[2]),
      burst: Number(match[3]),
      source: 'set with --limit',
    };
  }
  return limits;
}

/**
 * One AWS call as the suite makes it, in virtual time: the account's
 * credentials (one AssumeRole per account, shared), the client-side token
 * bucket of DefaultAwsClientFactory (per account and service, and region for
 * regional services, as rateLimitKey.ts keys it), the network
 * latency, AWS's server-side bucket (per account, and region for regional
 * services), and the SDK's retries when AWS throttles. Optionally a single
 * FIFO server behind it all, to model moto, which answers one request at a
 * time (for comparing with the emulator benchmark).
 */
import { Throttle } from '../throttling.ts';
import type { BucketLimit } from '../throttling.ts';
import { ReservationBucket } from './reservationBucket.ts';
import { rateLimitKey } from '@aws-platform-suite/backstage-plugin-aws-platform-node/src/rateLimitKey.ts';
import type { VirtualClock } from './virtualClock.ts';

/** The services the suite's ingestion calls, named as in the benchmark's counts. */
export type SimService =
  | 'organizations'
  | 'route53'
  | 'eks'
  | 'ssm'
  | 'backup'
  | 'ecr'
  | 'ec2'
  | 'sts';

/** The SDK service id each client-side bucket is keyed by (rateLimits.ts). */
export const CLIENT_SERVICE_IDS: Record<Exclude<SimService, 'sts'>, string> = {
  organizations: 'Organizations',
  route53: 'Route 53',
  eks: 'EKS',
  ssm: 'SSM',
  backup: 'Backup',
  ecr: 'ECR',
  ec2: 'EC2',
};

/** The one bucket of every account's credential requests (rateLimits.ts). */
const ASSUME_ROLE_BUCKET = 'AssumeRole';

/** Where a call goes. */
export type CallTarget = { account: string; region: string };

/** What time is spent on, per phase of the refresh. */
export type WaitCategory =
  | 'latency'
  | `client bucket: ${string}`
  | 'credentials'
  | 'throttled: backoff'
  | 'emulator queue';

export type AwsModelOptions = {
  clock: VirtualClock;
  /** Round trip of every call, in ms. */
  latencyMs: number;
  /** The suite's client-side limits by SDK service id (DEFAULT_RATE_LIMITS and overrides). */
  clientLimits: Record<string, { ratePerSecond: number; burst?: number }>;
  /** AWS's server-side limits by service (throttling.ts keys). */
  serverLimits: Record<string, BucketLimit>;
  /** The SDK's attempts per call, including the first (the factory's 5). */
  maxAttempts: number;
  /** Account the suite's own identity lives in: AssumeRole and Organizations calls are its. */
  mainAccount: string;
  /** Service time of a single FIFO server behind the network (moto); 0 for AWS. */
  emulatorMs: number;
  /** Seed of the retry jitter. */
  seed: number;
};

/** Counts of one `service:Operation`. */
export type OperationStats = { calls: number; throttled: number };

/** The SDK's backoff after a throttling error (smithy's 2026 retry config). */
const THROTTLING_DELAY_BASE_MS = 1_000;
const MAXIMUM_RETRY_DELAY_MS = 20_000;
/** integration-aws-node's STS client: the SDK's default standard attempts. */
const STS_SDK_ATTEMPTS = 3;
/** paceCredentials: full-jitter backoff between credential attempts. */
const PACE_BASE_MS = 100;
const PACE_MAX_MS = 5_000;

/** A call AWS throttled on every attempt. */
export class SimThrottledError extends Error {
  constructor(operation: string) {
    super(`${operation} was throttled on every attempt`);
    this.name = 'ThrottlingException';
  }
}

/** A small seeded generator (mulberry32), so retry jitter is repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class AwsModel {
  readonly #options: AwsModelOptions;
  readonly #clock: VirtualClock;
  readonly #throttle: Throttle;
  readonly #random: () => number;
  readonly #clientBuckets = new Map<string, ReservationBucket>();
  readonly #credentials = new Map<string, Promise<void>>();
  #emulatorFreeAt = 0;
  /** Label the waits are added to (the refresh's phase). */
  phase = 'refresh';
  readonly operations = new Map<string, OperationStats>();
  readonly waits = new Map<string, Map<WaitCategory, number>>();

  constructor(options: AwsModelOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#throttle = new Throttle(
      options.serverLimits,
      () => options.clock.now,
    );
    this.#random = seededRandom(options.seed);
  }

  /**
   * One SDK call to `service` in the target account, retried as the SDK
   * retries throttling. Calls other than Organizations' first wait for the
   * account's credentials, which the SDK resolves before the client-side
   * bucket's middleware runs.
   */
  async call(
    service: Exclude<SimService, 'sts'>,
    operation: string,
    target: CallTarget,
  ): Promise<void> {
    if (service !== 'organizations') {
      const waitStart = this.#clock.now;
      await this.#credentialsOf(target.account);
      this.#addWait('credentials', this.#clock.now - waitStart);
    }
    const bucketId = CLIENT_SERVICE_IDS[service];
    const bucket = this.#clientBucket(
      rateLimitKey(target.account, bucketId, target.region),
      bucketId,
    );
    for (let attempt = 1; ; attempt++) {
      // The rate-limit middleware runs once per attempt, inside the retry loop.
      await this.#waitFor(bucket, `client bucket: ${bucketId}`);
      const allowed = await this.#send(service, operation, target);
      if (allowed) return;
      if (attempt >= this.#options.maxAttempts) {
        throw new SimThrottledError(`${service}:${operation}`);
      }
      const delay = Math.floor(
        this.#random() *
          Math.min(
            THROTTLING_DELAY_BASE_MS * 2 ** (attempt - 1),
            MAXIMUM_RETRY_DELAY_MS,
          ),
      );
      await this.#clock.sleep(delay);
      this.#addWait('throttled: backoff', delay);
    }
  }

  /** Wall time spent on each category in a phase, summed over calls. */
  waitsOf(phase: string): Map<WaitCategory, number> {
    return this.waits.get(phase) ?? new Map();
  }

  /** The account's credentials: one paced AssumeRole, shared by every client. */
  #credentialsOf(account: string): Promise<void> {
    let pending = this.#credentials.get(account);
    if (!pending) {
      pending = this.#assumeRole(account);
      this.#credentials.set(account, pending);
      // A failed request is not cached (shareCredentials forgets it).
      pending.catch(() => this.#credentials.delete(account));
    }
    return pending;
  }

  /**
   * paceCredentials around integration-aws-node's STS client: take the
   * shared AssumeRole token, let the STS client try (its own SDK retries),
   * and back off with full jitter if STS still throttles.
   */
  async #assumeRole(account: string): Promise<void> {
    const bucket = this.#clientBucket(ASSUME_ROLE_BUCKET, ASSUME_ROLE_BUCKET);
    const target = { account: this.#options.mainAccount, region: 'us-east-1' };
    for (let attempt = 1; ; attempt++) {
      await this.#clock.sleepUntil(bucket.reserve(this.#clock.now));
      for (let sdkAttempt = 1; sdkAttempt <= STS_SDK_ATTEMPTS; sdkAttempt++) {
        if (await this.#send('sts', 'AssumeRole', target)) return;
        if (sdkAttempt < STS_SDK_ATTEMPTS) {
          await this.#clock.sleep(
            Math.floor(
              this.#random() *
                Math.min(
                  THROTTLING_DELAY_BASE_MS * 2 ** (sdkAttempt - 1),
                  MAXIMUM_RETRY_DELAY_MS,
                ),
            ),
          );
        }
      }
      if (attempt >= this.#options.maxAttempts) {
        throw new SimThrottledError(`sts:AssumeRole for ${account}`);
      }
      await this.#clock.sleep(
        Math.floor(
          this.#random() * Math.min(PACE_MAX_MS, PACE_BASE_MS * 2 ** attempt),
        ),
      );
    }
  }

  /**
   * The request on the wire: latency, then AWS's bucket (as the benchmark's
   * proxy checks it, after the latency), then the emulator if modelled.
   * False when AWS throttled it.
   */
  async #send(
    service: SimService,
    operation: string,
    target: CallTarget,
  ): Promise<boolean> {
    const stats = this.#statsOf(`${service}:${operation}`);
    stats.calls++;
    const sentAt = this.#clock.now;
    await this.#clock.sleep(this.#options.latencyMs);
    if (service !== 'sts') this.#addWait('latency', this.#clock.now - sentAt);
    const allowed = this.#throttle.allow({
      account:
        service === 'organizations'
          ? this.#options.mainAccount
          : target.account,
      service,
      region: target.region,
    });
    if (!allowed) {
      stats.throttled++;
      return false;
    }
    if (this.#options.emulatorMs > 0) {
      const queuedAt = this.#clock.now;
      this.#emulatorFreeAt =
        Math.max(queuedAt, this.#emulatorFreeAt) + this.#options.emulatorMs;
      await this.#clock.sleepUntil(this.#emulatorFreeAt);
      if (service !== 'sts') {
        this.#addWait('emulator queue', this.#clock.now - queuedAt);
      }
    }
    return true;
  }

  async #waitFor(bucket: ReservationBucket, category: WaitCategory) {
    const requestedAt = this.#clock.now;
    await this.#clock.sleepUntil(bucket.reserve(requestedAt));
    this.#addWait(category, this.#clock.now - requestedAt);
  }

  #clientBucket(key: string, serviceId: string): ReservationBucket {
    let bucket = this.#clientBuckets.get(key);
    if (!bucket) {
      const limit = this.#options.clientLimits[serviceId];
      if (!limit) throw new Error(`no client-side limit for ${serviceId}`);
      bucket = new ReservationBucket(limit, this.#clock.now);
      this.#clientBuckets.set(key, bucket);
    }
    return bucket;
  }

  #statsOf(key: string): OperationStats {
    let stats = this.operations.get(key);
    if (!stats) {
      stats = { calls: 0, throttled: 0 };
      this.operations.set(key, stats);
    }
    return stats;
  }

  #addWait(category: WaitCategory, ms: number) {
    if (ms <= 0) return;
    let phase = this.waits.get(this.phase);
    if (!phase) {
      phase = new Map();
      this.waits.set(this.phase, phase);
    }
    phase.set(category, (phase.get(category) ?? 0) + ms);
  }
}

/**
 * What a fault proxy injects, and when. A rule matches requests by service,
 * operation, account and whether they change something; each matching
 * request gets its fault with the rule's probability, decided by a seeded
 * generator so that a run can be repeated exactly.
 */
import { createHash } from 'node:crypto';
import type { ThrottlingKind } from './awsErrorResponses.ts';

/** One fault. */
export type Fault =
  /** The service's own throttling error (see throttlingError). */
  | { kind: 'throttle'; variant?: ThrottlingKind }
  /** A 5xx with the service's server error; default 500. */
  | { kind: 'server-error'; status?: number }
  /** Waits, then lets the request go on (other rules may still apply). */
  | { kind: 'latency'; ms: number }
  /**
   * Destroys the client's connection: `before` the request reaches the
   * emulator (nothing happened), or `after` it did (the change is made but
   * the answer is lost, the case idempotency tokens exist for).
   */
  | { kind: 'drop'; when?: 'before' | 'after' };

/** Which requests a rule applies to; every field given must match. */
export type FaultMatch = {
  /** Signing name: `sts`, `route53`, `eks`, `backup`, `organizations`, ... */
  service?: string;
  /** An operation name, or a pattern, e.g. `/^List/`. */
  operation?: string | RegExp;
  /** The account the request acts in (from its credentials). */
  accountId?: string;
  /** Only requests that change something (Create*, Put*, Change*, ...). */
  mutating?: boolean;
};

/** A fault, where it applies, and how often. */
export type FaultRule = {
  /** Shown in the counts; default the fault's kind. */
  name?: string;
  match?: FaultMatch;
  fault: Fault;
  /** 0..1, default 1. */
  probability?: number;
  /** Let this many matching requests through before the rule may fire. */
  skip?: number;
  /** Fire at most this many times. */
  times?: number;
};

/** What the rules need to know about one request. */
export type RequestFacts = {
  service: string;
  operation: string;
  region: string;
  accountId: string;
  mutating: boolean;
};

/** The rules' running state: match counts per rule and per request kind. */
export class FaultPlan {
  readonly #rules: readonly FaultRule[];
  readonly #seed: string;
  readonly #matched: number[];
  readonly #fired: number[];
  readonly #occurrences = new Map<string, number>();

  constructor(rules: readonly FaultRule[], seed: number | string) {
    for (const rule of rules) validateRule(rule);
    this.#rules = rules;
    this.#seed = String(seed);
    this.#matched = rules.map(() => 0);
    this.#fired = rules.map(() => 0);
  }

  /**
   * The faults for one request, in rule order. The n-th request of the same
   * service, operation, account and region gets the same draw in every run
   * with the same seed, whatever the order in which concurrent requests of
   * other kinds arrive.
   */
  decide(request: RequestFacts): { rule: FaultRule; name: string }[] {
    const kind = `${request.service}:${request.operation}:${request.accountId}:${request.region}`;
    const occurrence = (this.#occurrences.get(kind) ?? 0) + 1;
    this.#occurrences.set(kind, occurrence);
    const chosen: { rule: FaultRule; name: string }[] = [];
    this.#rules.forEach((rule, index) => {
      if (!matches(rule.match ?? {}, request)) return;
      this.#matched[index] += 1;
      if (this.#matched[index] <= (rule.skip ?? 0)) return;
      if (rule.times !== undefined && this.#fired[index] >= rule.times) return;
      const probability = rule.probability ?? 1;
      if (
        probability < 1 &&
        draw(this.#seed, index, kind, occurrence) >= probability
      ) {
        return;
      }
      this.#fired[index] += 1;
      chosen.push({ rule, name: rule.name ?? rule.fault.kind });
    });
    return chosen;
  }
}

function matches(match: FaultMatch, request: RequestFacts): boolean {
  if (match.service !== undefined && match.service !== request.service) {
    return false;
  }
  if (match.accountId !== undefined && match.accountId !== request.accountId) {
    return false;
  }
  if (match.mutating !== undefined && match.mutating !== request.mutating) {
    return false;
  }
  if (typeof match.operation === 'string') {
    return match.operation === request.operation;
  }
  if (match.operation instanceof RegExp) {
    return match.operation.test(request.operation);
  }
  return true;
}

/** A uniform number in [0, 1) from the seed and what is being decided. */
export function draw(
  seed: string,
  ruleIndex: number,
  kind: string,
  occurrence: number,
): number {
  const digest = createHash('sha256')
    .update(`${seed}\n${ruleIndex}\n${kind}\n${occurrence}`)
    .digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

function validateRule(rule: FaultRule): void {
  const { probability = 1, skip = 0, times } = rule;
  if (!(probability >= 0 && probability <= 1)) {
    throw new Error(`probability must be within 0..1, got ${probability}`);
  }
  if (!Number.isInteger(skip) || skip < 0) {
    throw new Error(`skip must be a whole number, got ${skip}`);
  }
  if (times !== undefined && (!Number.isInteger(times) || times < 0)) {
    throw new Error(`times must be a whole number, got ${times}`);
  }
  const { fault } = rule;
  if (fault.kind === 'latency' && !(fault.ms >= 0 && fault.ms <= 60_000)) {
    throw new Error(`latency must be within 0..60000 ms, got ${fault.ms}`);
  }
  if (
    fault.kind === 'server-error' &&
    fault.status !== undefined &&
    !(fault.status >= 500 && fault.status <= 599)
  ) {
    throw new Error(`a server error needs a 5xx status, got ${fault.status}`);
  }
}

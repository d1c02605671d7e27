/**
 * Reads and AWS calls per resource per cache TTL.
 *
 * Inside the backend, the live status API stores a resource's answer once
 * per AWS read of it, so the cache writes per key are the reads per
 * resource. On the wire, one read makes each of its AWS requests once (the
 * cluster, its node group list, each node group...): a request made twice
 * within one TTL, the same in every respect (credentials, region, method,
 * path, body) but its time window, was read twice. Retries by the SDK are
 * counted apart: they are one call's attempts.
 */
import type { CacheWrite } from './loadProtocol.ts';
import type { RecordedCall } from './recordingProxy.ts';

/** Reads of one resource (cache key) of the live status API. */
export type KeyReads = {
  key: string;
  reads: number;
  /** The most reads within one TTL: must be 1. */
  maxPerTtl: number;
  minRepeatMs?: number;
};

export type ResourceCalls = {
  /** e.g. `eks cluster acme-production-v1 (715451680876)`. */
  resource: string;
  /** First attempts. */
  calls: number;
  /** How many times the resource was read: its most repeated request's count. */
  reads: number;
  /** The most times one of its requests was made within one TTL. */
  maxPerTtl: number;
  /** The shortest time between two of the same request, ms (undefined if none repeated). */
  minRepeatMs?: number;
};

export type CallsPerTtl = {
  ttlMs: number;
  /** First attempts, STS included. */
  calls: number;
  retries: number;
  /** AssumeRole: credentials, not a resource; once per account per credential lifetime. */
  assumeRole: number;
  resources: ResourceCalls[];
  /**
   * The most times any one request was made within one TTL: 1, unless the
   * reads of two resources make the same request.
   */
  maxPerTtl: number;
};

// A window start such as backup lists' createdAfter changes with every
// read; the rest of the request says what is read.
const TIME_VALUE = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z?|\d{10}(\.\d+)?)$/;

/** The request without its time-valued query parameters. */
export function withoutTimes(path: string): string {
  const url = new URL(path, 'http://aws');
  for (const [key, value] of [...url.searchParams]) {
    if (TIME_VALUE.test(value)) url.searchParams.delete(key);
  }
  return `${url.pathname}${url.search}`;
}

/** What a request reads, for grouping; the account when the proxy knows it. */
export function resourceOf(call: RecordedCall): string {
  const url = new URL(call.path, 'http://aws');
  const account = call.accountId ? ` (${call.accountId})` : '';
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map(s => decodeURIComponent(s));
  if (call.service === 'eks' && segments[0] === 'clusters' && segments[1]) {
    return `eks cluster ${segments[1]} ${call.region}${account}`;
  }
  if (call.service === 'route53') {
    const zone = segments[segments.indexOf('hostedzone') + 1];
    const name = url.searchParams.get('name');
    if (zone && name) return `route53 NS ${name} in ${zone}${account}`;
    if (zone) return `route53 zone ${zone}${account}`;
  }
  if (call.service === 'backup') {
    const list = segments[0] === 'backup-vaults' ? segments[2] : segments[0];
    const vault =
      segments[0] === 'backup-vaults'
        ? segments[1]
        : url.searchParams.get('backupVaultName');
    return `backup ${list} of ${vault ? `vault ${vault}` : 'the account'} ${
      call.region
    }${account}`;
  }
  return `${call.service} ${call.operation}${account}`;
}

/** The most of `times` (sorted) that fall within any window of `windowMs`. */
export function maxInWindow(
  times: readonly number[],
  windowMs: number,
): number {
  let max = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}

function repeats(times: number[], ttlMs: number) {
  times.sort((a, b) => a - b);
  let minRepeatMs: number | undefined;
  for (let i = 1; i < times.length; i++) {
    const gap = times[i] - times[i - 1];
    minRepeatMs = Math.min(minRepeatMs ?? gap, gap);
  }
  return { maxPerTtl: maxInWindow(times, ttlMs), minRepeatMs };
}

/** Reads per resource from the cache writes, by key. */
export function readsPerKey(
  writes: readonly CacheWrite[],
  ttlMs: number,
): KeyReads[] {
  const byKey = new Map<string, number[]>();
  for (const write of writes) {
    byKey.set(write.key, [...(byKey.get(write.key) ?? []), write.atMs]);
  }
  return [...byKey]
    .map(([key, times]) => ({
      key,
      reads: times.length,
      ...repeats(times, ttlMs),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function callsPerTtl(
  calls: readonly RecordedCall[],
  ttlMs: number,
): CallsPerTtl {
  const first = calls.filter(call => call.attempt <= 1);
  const assumeRole = first.filter(
    call => call.service === 'sts' && call.operation === 'AssumeRole',
  ).length;
  const byResource = new Map<string, Map<string, number[]>>();
  for (const call of first) {
    if (call.service === 'sts') continue;
    const resource = resourceOf(call);
    const identity = [
      call.accessKeyId,
      call.region,
      call.method,
      withoutTimes(call.path),
      call.body,
    ].join('\n');
    let requests = byResource.get(resource);
    if (!requests) {
      requests = new Map();
      byResource.set(resource, requests);
    }
    const times = requests.get(identity) ?? [];
    times.push(call.atMs);
    requests.set(identity, times);
  }
  const resources: ResourceCalls[] = [...byResource]
    .map(([resource, requests]) => {
      let callCount = 0;
      let reads = 0;
      let maxPerTtl = 0;
      let minRepeatMs: number | undefined;
      for (const times of requests.values()) {
        callCount += times.length;
        reads = Math.max(reads, times.length);
        const repeated = repeats(times, ttlMs);
        maxPerTtl = Math.max(maxPerTtl, repeated.maxPerTtl);
        if (repeated.minRepeatMs !== undefined) {
          minRepeatMs = Math.min(
            minRepeatMs ?? repeated.minRepeatMs,
            repeated.minRepeatMs,
          );
        }
      }
      return { resource, calls: callCount, reads, maxPerTtl, minRepeatMs };
    })
    .sort((a, b) => a.resource.localeCompare(b.resource));
  return {
    ttlMs,
    calls: first.length,
    retries: calls.length - first.length,
    assumeRole,
    resources,
    maxPerTtl: Math.max(0, ...resources.map(r => r.maxPerTtl)),
  };
}

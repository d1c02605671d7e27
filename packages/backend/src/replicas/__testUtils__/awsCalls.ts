import type { FaultProxy } from '@internal/local-aws';

/** How often an operation (`service:Operation`) reached a proxy. */
export function callsOf(proxy: FaultProxy, key: string): number {
  const [service, operation] = key.split(':');
  return proxy
    .stats()
    .operations.filter(o => o.service === service && o.operation === operation)
    .reduce((sum, o) => sum + o.calls, 0);
}

/** Calls per operation over every proxy, STS left out (credentials are per process). */
export function awsReads(proxies: FaultProxy[]): Record<string, number> {
  const reads: Record<string, number> = {};
  for (const proxy of proxies) {
    for (const o of proxy.stats().operations) {
      if (o.service === 'sts') continue;
      const key = `${o.service}:${o.operation}`;
      reads[key] = (reads[key] ?? 0) + o.calls;
    }
  }
  return reads;
}

/** A refresh seen starting: the replica whose proxy saw its organization read, and when. */
export type RefreshStart = { replica: number; at: number };

/**
 * Watches the proxies for `organizations:ListRoots`, which each ingestion
 * refresh calls exactly once, at its start (readOrganization). Polls every
 * 100 ms; `onStart` is called as each one is seen.
 */
export function watchRefreshes(
  proxies: FaultProxy[],
  onStart: (start: RefreshStart) => void = () => {},
): { starts: RefreshStart[]; stop(): void } {
  const starts: RefreshStart[] = [];
  const seen = proxies.map(proxy => callsOf(proxy, 'organizations:ListRoots'));
  const timer = setInterval(() => {
    proxies.forEach((proxy, replica) => {
      const now = callsOf(proxy, 'organizations:ListRoots');
      for (; seen[replica] < now; seen[replica] += 1) {
        const start = { replica, at: Date.now() };
        starts.push(start);
        onStart(start);
      }
    });
  }, 100);
  return { starts, stop: () => clearInterval(timer) };
}

// autocannon ships no types and @types/autocannon is not installed; this
// declares the part of its API that bench:load uses (autocannon 8 README).
declare module 'autocannon' {
  type Percentiles = {
    average: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    overallRate?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    headers?: Record<string, string>;
    requests?: { method?: 'GET' | 'POST'; path?: string }[];
  };

  export type Result = {
    latency: Percentiles;
    requests: Percentiles & { total: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats?: Record<string, { count: number }>;
  };

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}

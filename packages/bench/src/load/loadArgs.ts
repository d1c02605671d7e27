import { parseArgs } from 'node:util';

export const USAGE = `Usage: yarn bench:load [flags]

Starts moto with the reference estate, the aws-platform backend plugin on
127.0.0.1 (its catalog: what the suite's ingestion emits for that estate),
and drives the live status endpoints with autocannon at each rate in turn,
spread over every cluster, zone, vault and plan. Prints p50/p99 latency and
errors per rate, and the AWS calls the backend made per resource per cache
TTL, counted by a recording proxy in front of moto. Stops everything it
started, also on failure, SIGINT and SIGTERM.

  --rates LIST          requests per second (default 50,200,500)
  --duration-s N        seconds at each rate (default 10)
  --connections N       connections per rate (default max(10, rate / 5))
  --cache-ttl-s N       awsPlatform.liveStatus.cacheTtl for the run (default
                        10: shorter than the whole run, so TTLs expire under load)
  --json-out PATH       also write every figure as JSON
  --help`;

export type LoadArgs = {
  rates: number[];
  durationS: number;
  connections?: number;
  cacheTtlMs: number;
  jsonOut?: string;
  help: boolean;
};

export function parseLoadArgs(argv: string[]): LoadArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      rates: { type: 'string', default: '50,200,500' },
      'duration-s': { type: 'string', default: '10' },
      connections: { type: 'string' },
      'cache-ttl-s': { type: 'string', default: '10' },
      'json-out': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const positive = (name: string, raw: string, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      throw new Error(
        `--${name}: '${raw}' is not a whole number from 1 to ${max}`,
      );
    }
    return n;
  };
  return {
    rates: values.rates.split(',').map(r => positive('rates', r.trim(), 5_000)),
    durationS: positive('duration-s', values['duration-s'], 120),
    connections:
      values.connections === undefined
        ? undefined
        : positive('connections', values.connections, 1_000),
    cacheTtlMs: positive('cache-ttl-s', values['cache-ttl-s'], 3_600) * 1000,
    jsonOut: values['json-out'],
    help: values.help,
  };
}

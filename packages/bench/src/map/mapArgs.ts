import { parseArgs } from 'node:util';

export const MAP_USAGE = `Usage: yarn bench:map [flags]

Renders the account map for a generated estate in headless Chromium and
prints time to first paint and to interactive, and the JS the plugin adds.
Builds a production harness app with esbuild (with and without the plugin),
serves it with the generated catalog from 127.0.0.1, and loads the map cold
--runs times.

  --accounts N            workload accounts (default 1000)
  --zones-per-account N   hosted zones per workload account (default 5)
  --clusters N            EKS clusters (default 100)
  --runs N                cold loads (default 5)
  --chromium PATH         Chromium binary (default $CHROMIUM_PATH or
                          /usr/bin/chromium); no browser is downloaded
  --json-out PATH         also write every figure as JSON
  --help`;

export type MapArgs = {
  accounts: number;
  zonesPerAccount: number;
  clusters: number;
  runs: number;
  chromium: string;
  jsonOut?: string;
  help: boolean;
};

export function parseMapArgs(argv: string[]): MapArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      accounts: { type: 'string', default: '1000' },
      'zones-per-account': { type: 'string', default: '5' },
      clusters: { type: 'string', default: '100' },
      runs: { type: 'string', default: '5' },
      chromium: {
        type: 'string',
        default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      },
      'json-out': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const count = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`--${name} must be an integer >= ${min}, got ${value}`);
    }
    return n;
  };
  return {
    accounts: count('accounts', values.accounts!, 1),
    zonesPerAccount: count(
      'zones-per-account',
      values['zones-per-account']!,
      0,
    ),
    clusters: count('clusters', values.clusters!, 0),
    runs: count('runs', values.runs!, 1),
    chromium: values.chromium!,
    jsonOut: values['json-out'],
    help: values.help!,
  };
}

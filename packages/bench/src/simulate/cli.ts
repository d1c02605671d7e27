/**
 * `yarn bench:simulate`: the refresh time of a large organization under
 * AWS's quotas, on paper. A discrete-event simulation in virtual time of
 * the suite's ingestion (suiteRefresh.ts) over token buckets at the
 * published or assumed rates (awsModel.ts); runs in seconds, waits for
 * nothing, and prints Markdown. Runs under Node 22's type stripping.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { markdownTable } from '../report.ts';
import { AWS_LIKE_LIMITS, withLimitOverrides } from '../throttling.ts';
import type { BucketLimit } from '../throttling.ts';
import { minimumCalls } from '../minimum.ts';
import { CLIENT_SERVICE_IDS } from './awsModel.ts';
import { organizationShape } from './estate.ts';
import type { OrganizationSpec } from './estate.ts';
import { MEASURED, simulatedMs } from './sanityCheck.ts';
import { runBenchCli } from '../benchCli.ts';
import { parseSimulateArgs, USAGE } from './simulateArgs.ts';
import type { SimulateArgs } from './simulateArgs.ts';
import {
  apiTable,
  bindingConstraint,
  bindingLabel,
  callsOf,
  meaningOf,
  minutes,
  percent,
  recommendedSchedule,
  seconds,
  throttledOf,
  waitTable,
} from './simulateReport.ts';
import { clientLimitsOf, simulate } from './simulation.ts';
import type { Scenario, SimulationResult } from './simulation.ts';

/** The suite's default schedule (the catalog module's ingestionConfig.ts). */
const DEFAULT_SCHEDULE = { frequencyMinutes: 30, timeoutMinutes: 20 };

/**
 * The regions an account has enabled when nobody opted into more: the 17
 * that need no opt-in (docs/architecture.md's count; AWS's list, not the
 * reference's). What region discovery finds in such an estate.
 */
const DEFAULT_ENABLED_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

/** Route 53 before 2026-07-30: 5 per second; its burst is not given, 5 assumed. */
const LEGACY_ROUTE53: BucketLimit = {
  ratePerSecond: 5,
  burst: 5,
  source: 'legacy: five requests per second per account (burst assumed 5)',
};

type Run = { label: string; scenario: Scenario; result: SimulationResult };

async function main(args: SimulateArgs): Promise<number> {
  const started = performance.now();
  const published = withLimitOverrides(AWS_LIKE_LIMITS, args.limits);
  const legacy = { ...published, route53: LEGACY_ROUTE53 };
  const organization = args.organization;
  const sizes: OrganizationSpec[] = [organization];
  if (
    args.compareAccounts > 0 &&
    args.compareAccounts !== organization.accounts
  ) {
    sizes.push({
      ...organization,
      accounts: args.compareAccounts,
      clusters: Math.round(
        (organization.clusters * args.compareAccounts) / organization.accounts,
      ),
    });
  }
  const scenarioOf = (
    spec: OrganizationSpec,
    serverLimits: Record<string, BucketLimit>,
    changes: Partial<Scenario['settings']> = {},
    clientLimits: Scenario['clientLimits'] = {},
  ): Scenario => ({
    shape: organizationShape(spec),
    settings: {
      concurrency: args.concurrency,
      accountConcurrency: args.accountConcurrency,
      regions: args.regions,
      services: args.services,
      discoverRegions: args.discoverRegions,
      confirmOrganization: true,
      ...changes,
    },
    latencyMs: args.latencyMs,
    serverLimits,
    clientLimits: { ...args.clientLimits, ...clientLimits },
    maxAttempts: args.maxAttempts,
    seed: args.seed,
  });
  const run = async (label: string, scenario: Scenario): Promise<Run> => ({
    label,
    scenario,
    result: await simulate(scenario),
  });
  const accountsLabel = (spec: OrganizationSpec) =>
    `${spec.accounts.toLocaleString('en-US')} accounts`;

  // The refresh at each size, under each Route 53 regime.
  const runs: Run[] = [];
  for (const spec of sizes) {
    runs.push(
      await run(
        `${accountsLabel(spec)}, Route 53 10/s`,
        scenarioOf(spec, published),
      ),
    );
    runs.push(
      await run(
        `${accountsLabel(spec)}, Route 53 5/s (legacy)`,
        scenarioOf(spec, legacy),
      ),
    );
  }

  // Settings at the main size.
  const base = runs[0];
  const sweep: Run[] = [{ ...base, label: 'the defaults' }];
  const variants: [string, Scenario][] = [
    [
      'accountConcurrency 32',
      scenarioOf(organization, published, { accountConcurrency: 32 }),
    ],
    [
      'accountConcurrency 64 (the maximum)',
      scenarioOf(organization, published, { accountConcurrency: 64 }),
    ],
    [
      'concurrency 8 (organization read)',
      scenarioOf(organization, published, { concurrency: 8 }),
    ],
    [
      "accounts' tags carried (events.accountTagsMaxAge; the OUs' read)",
      scenarioOf(organization, published, { accountTagsCarried: true }),
    ],
    [
      'if AWS allowed Organizations 20/s and the suite used it',
      scenarioOf(
        organization,
        {
          ...published,
          organizations: {
            ratePerSecond: 20,
            burst: 40,
            source: 'hypothetical',
          },
        },
        {},
        { Organizations: { ratePerSecond: 20, burst: 40 } },
      ),
    ],
    [
      'three regions (resources in the first)',
      scenarioOf(organization, published, {
        regions: [args.regions[0], 'us-west-2', 'eu-west-1'].filter(
          (r, i, all) => all.indexOf(r) === i,
        ),
      }),
    ],
    [
      `no regions setting: ${DEFAULT_ENABLED_REGIONS.length} enabled regions discovered in every account (resources in the first)`,
      scenarioOf(organization, published, {
        discoverRegions: true,
        regions: [
          args.regions[0],
          ...DEFAULT_ENABLED_REGIONS.filter(r => r !== args.regions[0]),
        ],
      }),
    ],
    [
      `the same, accountConcurrency 32`,
      scenarioOf(organization, published, {
        discoverRegions: true,
        accountConcurrency: 32,
        regions: [
          args.regions[0],
          ...DEFAULT_ENABLED_REGIONS.filter(r => r !== args.regions[0]),
        ],
      }),
    ],
  ];
  for (const [label, scenario] of variants) {
    sweep.push(await run(label, scenario));
  }

  // The model against the emulator benchmark's measured figures.
  const checks = [];
  for (const reference of MEASURED) {
    const bare = await simulate(reference.scenario(0));
    const emulated = [];
    for (const ms of args.emulatorMs) {
      emulated.push(await simulate(reference.scenario(ms)));
    }
    checks.push({
      reference,
      simulatedMs: [bare, ...emulated].map(r => simulatedMs(reference, r)),
      throttled: [bare, ...emulated].map(throttledOf),
    });
  }
  const elapsedMs = performance.now() - started;

  const lines: string[] = [];
  const out = (...text: string[]) => lines.push(...text);
  out(
    `# Simulated refresh of the suite's ingestion`,
    '',
    `Virtual time, ${
      runs.length +
      sweep.length -
      1 +
      (1 + args.emulatorMs.length) * checks.length
    } refreshes simulated in ${seconds(elapsedMs)} s on ${os.cpus().length} × ${
      os.cpus()[0]?.model.trim() ?? 'unknown CPU'
    }.`,
    '',
    '## Model',
    '',
    `- Estate at ${accountsLabel(organization)}: ${
      organization.ous
    } OUs under the root; per account ${
      organization.zonesPerAccount
    } hosted zones of ${organization.recordsPerZone} records, ${
      organization.vaultsPerAccount
    } vault(s), ${organization.plansPerAccount} plan(s) with ${
      organization.selectionsPerPlan
    } selection(s) each; ${
      organization.clusters
    } EKS clusters (one per account from the first) with ${
      organization.nodegroupsPerCluster
    } node groups, ${organization.addonsPerCluster} add-ons and ${
      organization.parametersPerCluster
    } /flightdeck/ parameters each; ${
      organization.delegatedAdministrators
    } delegated administrators of ${
      organization.servicesPerAdministrator
    } service(s) each; regions read: ${args.regions.join(', ')}${
      args.discoverRegions
        ? ' (discovered: one EC2 DescribeRegions per account)'
        : ' (the regions setting: no call)'
    }.`,
    `- The suite: organization read with \`concurrency\` ${
      args.concurrency
    }, then ${
      args.accountConcurrency * 2
    } scopes at once (\`accountConcurrency\` ${
      args.accountConcurrency
    }), each reader with its own concurrency of 4; one AssumeRole per account; ${
      args.maxAttempts
    } SDK attempts per call, throttling backoff full jitter from 1 s doubling (the SDK's adaptive rate limiter is not modelled).`,
    `- Every call: ${args.latencyMs} ms round trip; then AWS's bucket (a throttled call is retried).`,
    '',
    markdownTable(
      [
        'service',
        'suite, client-side (rateLimits.ts)',
        'AWS, server-side',
        'AWS source',
      ],
      [
        ...Object.entries(CLIENT_SERVICE_IDS).map(([service, id]) => {
          const client = clientLimitsOf(args.clientLimits)[id];
          const server = published[service];
          return [
            service,
            `${client.ratePerSecond}/s burst ${
              client.burst ?? client.ratePerSecond
            } per account, all regions`,
            server ? `${server.ratePerSecond}/s burst ${server.burst}` : 'none',
            server?.source ?? '',
          ];
        }),
        (() => {
          const client = clientLimitsOf(args.clientLimits).AssumeRole;
          const server = published.sts;
          return [
            'sts:AssumeRole',
            `${client.ratePerSecond}/s burst ${client.burst} for all accounts`,
            `${server.ratePerSecond}/s burst ${server.burst}`,
            server.source,
          ];
        })(),
        [
          'route53 (legacy variant)',
          '',
          `${LEGACY_ROUTE53.ratePerSecond}/s burst ${LEGACY_ROUTE53.burst}`,
          LEGACY_ROUTE53.source,
        ],
      ],
    ),
    '',
    '## Refresh time',
    '',
    markdownTable(
      [
        'run',
        'organization read s',
        'scopes s',
        'total min',
        'AWS calls',
        'throttled',
        'failed scopes',
        `fits the default timeout (${DEFAULT_SCHEDULE.timeoutMinutes} min)`,
      ],
      runs.map(({ label, result }) => [
        label,
        seconds(result.organizationMs),
        seconds(result.scopesMs),
        minutes(result.totalMs),
        callsOf(result).toLocaleString('en-US'),
        throttledOf(result).toLocaleString('en-US'),
        result.organizationFailed
          ? 'organization read failed'
          : String(result.failedScopes),
        result.totalMs <= DEFAULT_SCHEDULE.timeoutMinutes * 60_000
          ? 'yes'
          : '**no**',
      ]),
    ),
    '',
    '## Where the time goes',
    '',
    'Time the calls of each phase spent, by what they waited on, as shares of',
    'the phase (calls in flight at once each count). The largest share is',
    'the binding constraint.',
    '',
    waitTable(runs),
    '',
    markdownTable(
      ['run', 'organization read is bound by', 'scopes are bound by'],
      runs.map(({ label, scenario, result }) => [
        label,
        describeBinding(result.waits.organization, scenario),
        describeBinding(result.waits.scopes, scenario),
      ]),
    ),
    '',
    '## Calls per API',
    '',
    apiTable(
      runs.map(({ label, scenario, result }) => ({
        label,
        result,
        minimum: minimumCalls('suite', scenario.shape, {
          regions: scenario.settings.regions.length,
          discoverRegions: scenario.settings.discoverRegions,
          confirmOrganization: scenario.settings.confirmOrganization,
        }),
      })),
    ),
    '',
    "Minimum: derived from the estate (minimum.ts): AWS's largest pages, each",
    'item described once, one AssumeRole per member account. The model, like',
    'the suite, also assumes a role in the management account (one over).',
    '',
    `## Settings at ${accountsLabel(organization)} (Route 53 10/s)`,
    '',
    markdownTable(
      [
        'settings',
        'organization read s',
        'scopes s',
        'total min',
        'throttled',
        'failed scopes',
        'scopes are bound by',
      ],
      sweep.map(({ label, result }) => [
        label,
        seconds(result.organizationMs),
        seconds(result.scopesMs),
        minutes(result.totalMs),
        throttledOf(result).toLocaleString('en-US'),
        String(result.failedScopes),
        bindingLabel(result.waits.scopes),
      ]),
    ),
    '',
    '## Schedule',
    '',
    ...runs.map(({ label, result }) => {
      const fits = result.totalMs <= DEFAULT_SCHEDULE.timeoutMinutes * 60_000;
      const advice = recommendedSchedule(result.totalMs);
      return `- ${label}: ${minutes(result.totalMs)} min — ${
        fits ? 'fits' : '**does not fit**'
      } the default timeout of ${DEFAULT_SCHEDULE.timeoutMinutes} min (every ${
        DEFAULT_SCHEDULE.frequencyMinutes
      } min); suggested: timeout ${advice.timeoutMinutes} min, every ${
        advice.frequencyMinutes
      } min.`;
    }),
    '',
    '## Check against the emulator benchmark',
    '',
    `The benchmark's own estate and limits (50 ms, AWS-like buckets), each run's`,
    `settings. "moto at N ms": the same with the emulator modelled as one`,
    'server taking N ms per request, one at a time.',
    '',
    markdownTable(
      [
        'measured run (docs/benchmarks.md)',
        'measured s',
        'simulated s (gap)',
        ...args.emulatorMs.map(ms => `moto at ${ms} ms: s (gap)`),
        'throttled: measured; simulated',
      ],
      checks.map(({ reference, simulatedMs: times, throttled }) => [
        `${reference.label} (${reference.source})`,
        seconds(reference.measuredMs),
        ...times.map(
          ms => `${seconds(ms)} (${signedPercent(ms, reference.measuredMs)})`,
        ),
        `${reference.measuredThrottled ?? '–'}; ${throttled.join(', ')}`,
      ]),
    ),
  );
  console.log(lines.join('\n'));

  if (args.jsonOut) {
    const plain = (r: Run) => ({
      label: r.label,
      settings: r.scenario.settings,
      organizationMs: r.result.organizationMs,
      scopesMs: r.result.scopesMs,
      totalMs: r.result.totalMs,
      scopes: r.result.scopes,
      failedScopes: r.result.failedScopes,
      operations: Object.fromEntries(r.result.operations),
      waits: {
        organization: Object.fromEntries(r.result.waits.organization),
        scopes: Object.fromEntries(r.result.waits.scopes),
      },
    });
    writeFileSync(
      args.jsonOut,
      JSON.stringify(
        {
          args,
          runs: runs.map(plain),
          sweep: sweep.map(plain),
          checks: checks.map(c => ({
            label: c.reference.label,
            measuredMs: c.reference.measuredMs,
            simulatedMs: c.simulatedMs,
            emulatorMs: [0, ...args.emulatorMs],
          })),
        },
        null,
        2,
      ),
    );
  }
  return 0;
}

function describeBinding(
  waits: Parameters<typeof bindingConstraint>[0],
  scenario: Scenario,
): string {
  const binding = bindingConstraint(waits);
  if (!binding) return '–';
  let note = '';
  const clientId = binding.category.startsWith('client bucket: ')
    ? binding.category.slice('client bucket: '.length)
    : undefined;
  const service = Object.entries(CLIENT_SERVICE_IDS).find(
    ([, id]) => id === clientId,
  )?.[0];
  const server = service && scenario.serverLimits[service];
  const client = clientId && clientLimitsOf(scenario.clientLimits)[clientId];
  if (server && client && client.ratePerSecond >= server.ratePerSecond) {
    note = `, which is AWS's own ${server.ratePerSecond}/s here: raising it alone would be throttled`;
  }
  return `${meaningOf(binding.category)} (${percent(binding.share, 1)})${note}`;
}

function signedPercent(simulated: number, measured: number): string {
  const gap = ((simulated - measured) / measured) * 100;
  return `${gap >= 0 ? '+' : '−'}${Math.abs(gap).toFixed(0)} %`;
}

runBenchCli({
  name: 'bench:simulate',
  usage: USAGE,
  parse: parseSimulateArgs,
  run: main,
});

import {
  APPS,
  COMPANIES,
  NAME_STYLES,
  OU_LAYOUTS,
  REGION_CODES,
  styledName,
} from './vocabulary.ts';
import type { NameStyle } from './vocabulary.ts';
import { seededRandom } from './random.ts';
import type { Random } from './random.ts';
import { planPlatformAccounts } from './planPlatformAccounts.ts';
import { planWorkloadAccounts } from './planWorkloadAccounts.ts';
import type { WorkloadAccounts } from './planWorkloadAccounts.ts';
import { planIdentityCenter } from './planIdentityCenter.ts';
import type {
  GeneratedEstatePlan,
  PlannedAccount,
  PlannedHoldings,
  PlannedZone,
  SeededProblem,
} from './estatePlanTypes.ts';

/** What the parts of a plan are made from. */
export type PlanContext = {
  seed: number;
  random: Random;
  company: string;
  style: NameStyle;
  layout: (typeof OU_LAYOUTS)[number];
  regions: [string, string];
  apps: string[];
  platformGroup: string;
  /** `['payments']` → the account name in the company's style. */
  name(words: readonly string[]): string;
};

/**
 * A generated estate, named unlike the guide, from a seed: a company's own
 * name style, one of three nested OU layouts, two regions, every guide role
 * present and recognisable only from the evidence the plan says (rotated by
 * seed so that a few seeds cover every kind), Identity Center with the
 * company's groups, and a handful of problems seeded on purpose. Pure: the
 * same seed gives the same plan; nothing is created.
 */
export function generateEstatePlan(seed: number): GeneratedEstatePlan {
  const context = planContext(seed);
  const platform = planPlatformAccounts(context);
  const workloads = planWorkloadAccounts(context);
  const holdings = planHoldings(platform.accounts, workloads);
  const { zones, problems } = planOwnershipProblems(workloads, context);
  const identityCenter = planIdentityCenter(
    context,
    platform.accounts,
    workloads,
  );
  const accounts = [...platform.accounts, ...allWorkloads(workloads)];
  return {
    seed,
    company: context.company,
    rootDomain: `${context.company}.example`,
    regions: context.regions,
    ouPaths: ouPathsOf(accounts),
    platformGroup: context.platformGroup,
    accounts,
    delegations: platform.delegations,
    holdings,
    zones,
    identityCenter: identityCenter.spec,
    problems: [...problems, ...identityCenter.problems],
  };
}

function planContext(seed: number): PlanContext {
  const random = seededRandom(seed);
  const company = random.pick(COMPANIES);
  const style = random.pick(NAME_STYLES);
  const [first, second] = random.shuffle(Object.keys(REGION_CODES));
  return {
    seed,
    random,
    company,
    style,
    // Offset so that seeds 1, 2 and 3 meet every layout and evidence kind.
    layout: OU_LAYOUTS[(seed + 2) % OU_LAYOUTS.length],
    regions: [first, second],
    apps: random.shuffle(APPS).slice(0, random.int(2, 3)),
    platformGroup: `${company}-platform`,
    name: words => styledName([company, ...words], style),
  };
}

/** Every workload account, in creation order. */
export function allWorkloads(workloads: WorkloadAccounts): PlannedAccount[] {
  return [
    ...workloads.apps.flatMap(app => [app.production, app.sandbox]),
    ...workloads.regional,
    ...workloads.personal,
    ...workloads.legacy,
  ];
}

function planHoldings(
  platform: PlannedAccount[],
  workloads: WorkloadAccounts,
): PlannedHoldings {
  const holder = (role: string) =>
    platform.find(a => a.role === role && a.evidence === 'holdings')?.name;
  const [first, second] = workloads.apps;
  const network = holder('network');
  const backup = holder('backup');
  const operations = holder('operations');
  return {
    ...(network && {
      network: {
        account: network,
        delegatedTo: [first.production.name, first.sandbox.name],
      },
    }),
    ...(backup && {
      backup: {
        account: backup,
        copiedFrom: [first.production.name, second.production.name],
      },
    }),
    ...(operations && {
      operations: {
        account: operations,
        pulledBy: workloads.apps.map(app => app.production.name),
      },
    }),
  };
}

/**
 * The ownership review's seeded problems: the first regional and legacy
 * accounts carry no owner tag (planned so by planWorkloadAccounts), the
 * first personal sandbox names a team Identity Center does not hold, and the
 * last app's production account holds a zone tagged with the platform group
 * while the account names the app's team.
 */
function planOwnershipProblems(
  workloads: WorkloadAccounts,
  context: PlanContext,
): { zones: PlannedZone[]; problems: SeededProblem[] } {
  const last = workloads.apps[workloads.apps.length - 1];
  const zone: PlannedZone = {
    account: last.production.name,
    name: `${last.app}-old.${context.company}.example`,
    owner: context.platformGroup,
  };
  const untagged = [...workloads.regional, ...workloads.legacy].filter(
    account => account.owner === undefined,
  );
  return {
    zones: [zone],
    problems: [
      ...untagged.map(account => ({
        review: 'ownership' as const,
        kind: 'account-not-tagged' as const,
        account: account.name,
      })),
      {
        review: 'ownership',
        kind: 'owner-not-found',
        account: workloads.personal[0].name,
      },
      {
        review: 'ownership',
        kind: 'owner-contradicts-account',
        account: zone.account,
        zone: zone.name,
      },
    ],
  };
}

/** Every OU path the accounts sit in, with its parents, parents first. */
function ouPathsOf(accounts: PlannedAccount[]): string[] {
  const paths = new Set<string>();
  for (const { ouPath } of accounts) {
    const parts = ouPath.split('/');
    for (let i = 1; i <= parts.length; i++) {
      paths.add(parts.slice(0, i).join('/'));
    }
  }
  return [...paths].sort(
    (a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b),
  );
}

import type { PlanContext } from './generateEstatePlan.ts';
import type { PlannedAccount } from './estatePlanTypes.ts';
import { APPS, PEOPLE, REGION_CODES, ROLE_WORDS } from './vocabulary.ts';

/** One app's pair of accounts. */
export type AppAccounts = {
  app: string;
  /** The app's team group, owner of both accounts. */
  team: string;
  production: PlannedAccount;
  sandbox: PlannedAccount;
};

/** The workload accounts of a generated estate, by kind. */
export type WorkloadAccounts = {
  /** Per app: a production account known by its OU, a sandbox one too. */
  apps: AppAccounts[];
  /** One production account per region, known by the stage word in its name. */
  regional: PlannedAccount[];
  /** People's sandboxes in the stage-less OU, known by their names. */
  personal: PlannedAccount[];
  /** Suspended accounts: nothing names a role, so they stay `workload`. */
  legacy: PlannedAccount[];
};

/**
 * The workload accounts. Three carry a seeded ownership problem: the first
 * regional and the first legacy account have no owner tag, and the first
 * personal sandbox names the team of an app the company no longer runs.
 */
export function planWorkloadAccounts(context: PlanContext): WorkloadAccounts {
  const { layout, random, platformGroup } = context;
  const apps = context.apps.map((app, i): AppAccounts => {
    const team = `${context.company}-${app}-team`;
    return {
      app,
      team,
      production: {
        name: context.name([app]),
        ouPath: layout.production[i % layout.production.length],
        role: 'production',
        evidence: 'ou',
        owner: team,
      },
      sandbox: {
        name: context.name([app, random.pick(ROLE_WORDS.sandbox)]),
        ouPath: layout.sandbox[i % layout.sandbox.length],
        role: 'sandbox',
        evidence: 'ou',
        owner: team,
      },
    };
  });
  const regional = context.regions.map(
    (region, i): PlannedAccount => ({
      name: context.name([
        random.pick(ROLE_WORDS.production),
        REGION_CODES[region],
      ]),
      ouPath: layout.workloads,
      role: 'production',
      evidence: 'name',
      owner: i === 0 ? undefined : platformGroup,
    }),
  );
  const goneApp = APPS.find(app => !context.apps.includes(app))!;
  const personal = random
    .shuffle(PEOPLE.given)
    .slice(0, 2)
    .map(
      (person, i): PlannedAccount => ({
        name: context.name([random.pick(ROLE_WORDS.sandbox), person]),
        ouPath: layout.workloads,
        role: 'sandbox',
        evidence: 'name',
        owner: i === 0 ? `${context.company}-${goneApp}-team` : platformGroup,
      }),
    );
  const legacy = ['legacy', 'retired'].map(
    (word, i): PlannedAccount => ({
      name: context.name([word, random.pick(['erp', 'crm', 'wiki'])]),
      ouPath: layout.suspended,
      role: 'workload',
      evidence: 'default',
      owner: i === 0 ? undefined : platformGroup,
    }),
  );
  return { apps, regional, personal, legacy };
}

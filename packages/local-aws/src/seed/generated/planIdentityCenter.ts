import type { PlanContext } from './generateEstatePlan.ts';
import type {
  GeneratedEstatePlan,
  PlannedAccount,
  PlannedAssignment,
  SeededProblem,
} from './estatePlanTypes.ts';
import type { WorkloadAccounts } from './planWorkloadAccounts.ts';
import { IDLE_PERMISSION_SETS, PEOPLE } from './vocabulary.ts';

const ADMIN = 'AdministratorAccess';
const READ_ONLY = 'ReadOnlyAccess';

/**
 * Identity Center as the company runs it: the platform group administers
 * the platform accounts and reads production, each app team develops in its
 * sandbox and reads its production, two people each. Four problems are
 * seeded, one of each kind the access review flags: a break-glass group
 * with administrator access in production, a person assigned directly, an
 * auditors group with no members, and a permission set used nowhere.
 */
export function planIdentityCenter(
  context: PlanContext,
  platform: PlannedAccount[],
  workloads: WorkloadAccounts,
): {
  spec: GeneratedEstatePlan['identityCenter'];
  problems: SeededProblem[];
} {
  const { random, company, platformGroup } = context;
  const people = peopleOf(context, 2 + 2 * workloads.apps.length);
  const developer = random.pick(['DeveloperAccess', 'PowerUserAccess']);
  const idle = random.pick(IDLE_PERMISSION_SETS);
  const breakGlass = `${company}-break-glass`;
  const auditors = `${company}-auditors`;
  const groups: Record<string, string[]> = {
    [platformGroup]: people.slice(0, 2),
    [breakGlass]: people.slice(0, 1),
    [auditors]: [],
  };
  workloads.apps.forEach(({ team }, i) => {
    groups[team] = people.slice(2 + 2 * i, 4 + 2 * i);
  });
  const grant = (
    principal: string,
    account: PlannedAccount,
    permissionSet: string,
    principalType: 'GROUP' | 'USER' = 'GROUP',
  ): PlannedAssignment => ({
    account: account.name,
    permissionSet,
    principalType,
    principal,
  });
  const [first] = workloads.apps;
  const audit = platform.find(account => account.role === 'audit')!;
  const production = [
    ...workloads.apps.map(app => app.production),
    ...workloads.regional,
  ];
  const problems: PlannedAssignment[] = [
    grant(breakGlass, first.production, ADMIN),
    grant(people[2], first.sandbox, developer, 'USER'),
    grant(auditors, audit, READ_ONLY),
  ];
  const assignments = [
    ...platform.map(account => grant(platformGroup, account, ADMIN)),
    ...production.map(account => grant(platformGroup, account, READ_ONLY)),
    ...workloads.apps.flatMap(app => [
      grant(app.team, app.sandbox, developer),
      grant(app.team, app.production, READ_ONLY),
    ]),
    ...problems,
  ];
  return {
    spec: {
      users: Object.fromEntries(people.map(user => [user, displayName(user)])),
      groups,
      permissionSets: [ADMIN, READ_ONLY, developer, idle],
      assignments,
    },
    problems: [
      ...problems.map((assignment, i) => ({
        review: 'access' as const,
        kind: (
          [
            'admin-in-production',
            'direct-user',
            'group-without-members',
          ] as const
        )[i],
        account: assignment.account,
        principal: assignment.principal,
        permissionSet: assignment.permissionSet,
      })),
      { review: 'access', kind: 'provisioned-nowhere', permissionSet: idle },
    ],
  };
}

/** `count` distinct user names, `given.family`. */
function peopleOf(context: PlanContext, count: number): string[] {
  const given = context.random.shuffle(PEOPLE.given);
  const family = context.random.shuffle(PEOPLE.family);
  return Array.from(
    { length: count },
    (_, i) => `${given[i % given.length]}.${family[i % family.length]}`,
  );
}

/** `ana.ito` → `Ana Ito`. */
function displayName(userName: string): string {
  return userName
    .split('.')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

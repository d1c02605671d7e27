import { generateEstatePlan } from './generateEstatePlan.ts';

const SEEDS = [1, 2, 3];

describe('generateEstatePlan', () => {
  it('makes the same plan from the same seed, and another from another seed', () => {
    expect(generateEstatePlan(7)).toEqual(generateEstatePlan(7));
    const names = (seed: number) =>
      generateEstatePlan(seed).accounts.map(a => a.name);
    expect(names(1)).not.toEqual(names(2));
  });

  it('covers, over the seeds the emulator test uses, every evidence kind each role can have there', () => {
    const seen = new Map<string, Set<string>>();
    for (const seed of SEEDS) {
      for (const { role, evidence } of generateEstatePlan(seed).accounts) {
        seen.set(role, (seen.get(role) ?? new Set()).add(evidence));
      }
    }
    const kinds = Object.fromEntries(
      [...seen].map(([role, evidence]) => [role, [...evidence].sort()]),
    );
    expect(kinds).toEqual({
      'log-archive': ['name', 'ou'],
      audit: ['delegated-admin', 'ou'],
      identity: ['name'],
      network: ['holdings', 'name'],
      backup: ['holdings', 'name'],
      operations: ['delegated-admin', 'holdings', 'name'],
      production: ['name', 'ou'],
      sandbox: ['name', 'ou'],
      workload: ['default'],
    });
  });

  it.each(SEEDS)(
    'plans seed %i consistently: unique names, nested OUs parents first, problems on its own accounts',
    seed => {
      const plan = generateEstatePlan(seed);
      const names = plan.accounts.map(a => a.name);
      expect(new Set(names).size).toBe(names.length);
      expect(plan.ouPaths.some(path => path.includes('/'))).toBe(true);
      const parentsAfterChildren = plan.ouPaths.filter((path, i) => {
        const parent = path.split('/').slice(0, -1).join('/');
        return parent !== '' && !plan.ouPaths.slice(0, i).includes(parent);
      });
      expect(parentsAfterChildren).toEqual([]);
      for (const account of plan.accounts) {
        expect(plan.ouPaths).toContain(account.ouPath);
      }
      expect(new Set(plan.regions).size).toBe(2);
      const problemAccounts = plan.problems.flatMap(problem =>
        'account' in problem ? [problem.account] : [],
      );
      expect(problemAccounts.filter(name => !names.includes(name))).toEqual([]);
      const kinds = plan.problems.map(p => p.kind).sort();
      expect(kinds).toEqual([
        'account-not-tagged',
        'account-not-tagged',
        'admin-in-production',
        'direct-user',
        'group-without-members',
        'owner-contradicts-account',
        'owner-not-found',
        'provisioned-nowhere',
      ]);
    },
  );

  it('names owners that Identity Center holds, except the one seeded to resolve to nothing', () => {
    const plan = generateEstatePlan(2);
    const groups = Object.keys(plan.identityCenter.groups);
    const unresolved = plan.accounts
      .map(a => a.owner)
      .filter((owner): owner is string => !!owner && !groups.includes(owner));
    expect(unresolved).toHaveLength(1);
    expect(plan.problems).toContainEqual(
      expect.objectContaining({ kind: 'owner-not-found' }),
    );
  });
});

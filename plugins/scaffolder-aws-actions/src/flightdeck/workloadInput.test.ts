import { InputError } from '@backstage/errors';
import { RawWorkloadInput, validateWorkloadInput } from './workloadInput';

const valid: RawWorkloadInput = {
  name: 'storefront',
  githubRepository: 'acme/storefront',
  owner: 'group:default/app-developers',
  stages: [
    { name: 'staging', account: '171870262174', clusters: ['acme-sandbox-v1'] },
    {
      name: 'production',
      account: 'resource:default/account-715451680876',
      clusters: ['resource:default/acme-production-v1-715451680876-us-east-1'],
      host: 'Shop.Production.Example.com.',
      deployBranches: ['main', 'release/1.x'],
    },
  ],
};

const options = { githubOwners: ['acme', 'Acme-Labs'] };

describe('validateWorkloadInput', () => {
  it('derives the guide names and applies the defaults', () => {
    const input = validateWorkloadInput(valid, options);
    expect(input.owner).toBe('group:default/app-developers');
    expect(input.serviceAccount).toBe('storefront');
    expect(input.stages[0]).toEqual({
      name: 'staging',
      account: '171870262174',
      clusters: ['acme-sandbox-v1'],
      zone: undefined,
      host: undefined,
      deployBranches: ['main'],
      namespace: 'storefront-staging',
      podRoleName: 'storefront-staging-pods',
      deployRoleName: 'storefront-staging-deploy',
    });
    expect(input.stages[1].host).toBe('shop.production.example.com');
    expect(input.stages[1].deployBranches).toEqual(['main', 'release/1.x']);
  });

  it('spells the GitHub owner as the allowlist does (IAM compares the sub claim exactly)', () => {
    const input = validateWorkloadInput(
      { ...valid, githubRepository: 'acme-labs/Shop' },
      options,
    );
    expect(input.githubRepository).toBe('Acme-Labs/Shop');
  });

  it('refuses stage names with hyphens, so <app>-<stage> names one pair only', () => {
    // Without the rule, app a-b with stage c and app a with stage b-c would
    // both own the roles a-b-c-pods and a-b-c-deploy.
    const stage = valid.stages[0];
    expect(
      validateWorkloadInput(
        { ...valid, name: 'a-b', stages: [{ ...stage, name: 'c' }] },
        options,
      ).stages[0].podRoleName,
    ).toBe('a-b-c-pods');
    expect(() =>
      validateWorkloadInput(
        { ...valid, name: 'a', stages: [{ ...stage, name: 'b-c' }] },
        options,
      ),
    ).toThrow(
      "stages[0].name 'b-c' must be 1 to 16 lowercase letters or digits",
    );
  });

  const stage = valid.stages[0];
  it.each<[string, Partial<RawWorkloadInput>, string]>([
    ['an upper-case name', { name: 'Storefront' }, "name 'Storefront' must be"],
    ['a name with a trailing hyphen', { name: 'shop-' }, "name 'shop-'"],
    ['a name too long for role names', { name: 'a'.repeat(41) }, '1 to 40'],
    [
      'a name that is not a string',
      { name: 42 as any },
      'name must be a string',
    ],
    [
      'a repository without owner',
      { githubRepository: 'storefront' },
      'not a GitHub repository',
    ],
    [
      'a repository path',
      { githubRepository: 'acme/shop/extra' },
      'not a GitHub repository',
    ],
    [
      'a GitHub owner outside the allowlist',
      { githubRepository: 'evil/storefront' },
      'belongs to a GitHub owner whose workflows may not get CI roles; allowed owners: acme, Acme-Labs',
    ],
    ['no owner', { owner: undefined as any }, 'owner must be a string'],
    ['a hostile owner', { owner: 'group:default/x y' }, 'neither a name'],
    [
      'a repository ..',
      { githubRepository: 'acme/..' },
      'not a GitHub repository',
    ],
    [
      'a bad service account',
      { serviceAccount: 'Shop_SA' },
      'not a Kubernetes name',
    ],
    ['no stages', { stages: [] }, 'at least one stage'],
    [
      'too many stages',
      {
        stages: Array.from({ length: 7 }, (_, i) => ({
          ...stage,
          name: `s${i}`,
        })),
      },
      'at most 6',
    ],
    ['a stage twice', { stages: [stage, stage] }, "stage 'staging' twice"],
    [
      'a bad stage name',
      { stages: [{ ...stage, name: 'Staging!' }] },
      "stages[0].name 'Staging!'",
    ],
    [
      'no clusters',
      { stages: [{ ...stage, clusters: [] }] },
      'at least one cluster',
    ],
    [
      'four clusters',
      { stages: [{ ...stage, clusters: ['a', 'b', 'c', 'd'] }] },
      'at most 3',
    ],
    [
      'a cluster twice',
      { stages: [{ ...stage, clusters: ['a', 'a'] }] },
      'a cluster twice',
    ],
    [
      'an account with spaces',
      { stages: [{ ...stage, account: 'rm -rf /' }] },
      'neither a name',
    ],
    [
      'a wildcard host',
      { stages: [{ ...stage, host: '*.sandbox.example.com' }] },
      "has the label '*'",
    ],
    [
      'a wildcard branch',
      { stages: [{ ...stage, deployBranches: ['*'] }] },
      'no wildcards',
    ],
    [
      'a branch with ..',
      { stages: [{ ...stage, deployBranches: ['a..b'] }] },
      'not a branch name',
    ],
    [
      'no branches',
      { stages: [{ ...stage, deployBranches: [] }] },
      'at least one branch',
    ],
    [
      'the same host twice',
      {
        stages: [
          { ...stage, host: 'shop.example.com' },
          { ...stage, name: 'dev', host: 'shop.example.com' },
        ],
      },
      'Two stages use the host shop.example.com',
    ],
  ])('refuses %s', (_, change, reason) => {
    const run = () => validateWorkloadInput({ ...valid, ...change }, options);
    expect(run).toThrow(InputError);
    expect(run).toThrow(reason);
  });
});

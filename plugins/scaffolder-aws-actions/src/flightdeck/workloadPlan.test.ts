import { OWNERSHIP_TAG } from '../lib/ownership';
import { desiredWorkload } from './desiredWorkload';
import type { FlightdeckClusterConfig } from './flightdeckConfig';
import type { ResolvedStage } from './resolveStages';
import { ObservedWorkload, planWorkload } from './workloadPlan';

// The pure plan alone: which verdict each existing resource gets.
const cluster: FlightdeckClusterConfig = {
  name: 'acme-sandbox-v1',
  accountId: '171870262174',
  region: 'us-east-1',
  hostedZone: 'sandbox.example.com',
  ingress: { dnsName: 'alb.example.com', hostedZoneId: 'Z35SXDOTRQ7X7K' },
};
const stage: ResolvedStage = {
  name: 'staging',
  account: cluster.accountId,
  clusters: [cluster.name],
  deployBranches: ['main'],
  namespace: 'shop-staging',
  podRoleName: 'shop-staging-pods',
  deployRoleName: 'shop-staging-deploy',
  accountInfo: {
    accountId: cluster.accountId,
    name: 'Sandbox',
    production: false,
  },
  clusterConfigs: [cluster],
  zoneName: 'sandbox.example.com',
  hostName: 'shop.sandbox.example.com',
  ingress: cluster.ingress,
};

function desired(owner = 'group:default/shop-team') {
  return desiredWorkload({
    appName: 'shop',
    githubRepository: 'acme/shop',
    owner,
    serviceAccount: 'shop',
    requester: { userEntityRef: 'user:default/jane', taskId: 'task-1' },
    config: {
      operationsAccountId: '708053100330',
      ecrRegion: 'us-east-1',
      repositoryNamespace: 'acme',
      githubOwners: ['acme'],
      clusters: [cluster],
      syncTimeoutSeconds: 5,
    },
    stages: [stage],
    facts: new Map([
      [
        'staging',
        {
          clusters: [
            {
              name: cluster.name,
              arn: 'arn:aws:eks:us-east-1:171870262174:cluster/acme-sandbox-v1',
              oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/A',
            },
          ],
          zoneId: 'ZSANDBOX',
        },
      ],
    ]),
  });
}

const nothing = (): ObservedWorkload => ({
  roles: new Map(),
  records: new Map(),
});

const repository = (tags: Record<string, string>) => ({
  name: 'acme/shop',
  arn: 'arn:aws:ecr:us-east-1:708053100330:repository/acme/shop',
  uri: '708053100330.dkr.ecr.us-east-1.amazonaws.com/acme/shop',
  immutableTags: true,
  scanOnPush: true,
  tags,
});

describe('planWorkload', () => {
  it('creates everything when nothing exists', () => {
    const plan = planWorkload(desired(), nothing());
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes.map(c => c.kind)).toEqual([
      'createRepository',
      'allowPull',
      'createRole',
      'putRolePolicy',
      'createRole',
      'createRole',
      'putRolePolicy',
      'createAliasRecord',
    ]);
  });

  it("converges the repository of its own lineage, and refuses the previous version's, a hand-made one and another owner's", () => {
    const mine = desired();
    const converged = planWorkload(mine, {
      ...nothing(),
      repository: repository(mine.repository.tags),
    });
    expect(converged.conflicts).toEqual([]);
    expect(converged.changes[0].kind).toBe('allowPull');

    const theirs = desired('group:default/other-team').repository.tags;
    for (const tags of [
      { 'managed-by': 'backstage', 'backstage-task': 'task-old' },
      { owner: 'group:default/app-developers' },
      theirs,
    ]) {
      const plan = planWorkload(mine, {
        ...nothing(),
        repository: repository(tags),
      });
      expect(plan.conflicts).toEqual([
        expect.stringMatching(
          /^The ECR repository acme\/shop in the Operations account \(708053100330\) already exists/,
        ),
      ]);
      // Its pull statement is not touched either.
      expect(plan.changes.map(c => c.kind)).not.toContain('allowPull');
    }
    expect(theirs[OWNERSHIP_TAG.lineage]).not.toBe(
      mine.repository.tags[OWNERSHIP_TAG.lineage],
    );
  });

  it('keeps an ALIAS that points exactly at the stage load balancer, and refuses any other record', () => {
    const records = (type: string, dnsName: string) => ({
      ...nothing(),
      records: new Map([
        [
          'staging',
          [
            {
              type,
              alias: { dnsName, hostedZoneId: 'Z35SXDOTRQ7X7K' },
              values: [],
            },
          ],
        ],
      ]),
    });
    const kept = planWorkload(desired(), records('A', 'ALB.example.com.'));
    expect(kept.changes.map(c => c.kind)).not.toContain('createAliasRecord');
    expect(kept.conflicts).toEqual([]);
    const other = planWorkload(
      desired(),
      records('A', 'elsewhere.example.net'),
    );
    expect(other.conflicts).toEqual([
      expect.stringContaining(
        'shop.sandbox.example.com already has a A record (alias to elsewhere.example.net)',
      ),
    ]);
  });
});

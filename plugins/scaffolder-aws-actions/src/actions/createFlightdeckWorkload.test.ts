import {
  CreateRepositoryCommand,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import {
  CreateRoleCommand,
  EntityAlreadyExistsException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { ChangeResourceRecordSetsCommand } from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import 'aws-sdk-client-mock-jest';
import yaml from 'yaml';
import type { ActionsConfig } from '../actionsConfig';
import { FakeWorkloadAws } from '../flightdeck/__testUtils__/fakeWorkloadAws';
import { workloadLineage } from '../flightdeck/desiredWorkload';
import {
  deployRolePolicy,
  githubActionsTrustPolicy,
  parsePolicy,
  podRoleTrustPolicy,
  samePolicy,
} from '../iam/iamPolicies';
import { OWNERSHIP_TAG, ownershipTags } from '../lib/ownership';
import { createFlightdeckWorkloadAction } from './createFlightdeckWorkload';
import { examples } from './createFlightdeckWorkload.examples';

// IAM, ECR, EKS and Route 53 are an in-memory fake behind aws-sdk-client-mock
// (FakeWorkloadAws): it refuses duplicates as AWS does, so retries, races
// and conflicts can be tested here. The emulator test runs the same action
// against moto.
const OPS = '708053100330';
const SANDBOX = '171870262174';
const PRODUCTION = '715451680876';
const OTHER = '999999999999';
const EAST = 'us-east-1';
const SANDBOX_ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/SANDBOX1';
const PRODUCTION_ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/PROD1';
const GITHUB = 'token.actions.githubusercontent.com';
const SANDBOX_ALB = {
  dnsName: 'acme-sandbox-123.us-east-1.elb.amazonaws.com',
  hostedZoneId: 'Z35SXDOTRQ7X7K',
};
const PRODUCTION_ALB = {
  dnsName: 'acme-production-456.us-east-1.elb.amazonaws.com',
  hostedZoneId: 'Z35SXDOTRQ7X7K',
};

const config: ActionsConfig = {
  accounts: [
    { accountId: SANDBOX, name: 'Sandbox', production: false },
    { accountId: PRODUCTION, name: 'Production', production: true },
    { accountId: OTHER, name: 'Other', production: false },
  ],
  flightdeck: {
    operationsAccountId: OPS,
    ecrRegion: EAST,
    repositoryNamespace: 'acme',
    githubOwners: ['acme'],
    syncTimeoutSeconds: 5,
    clusters: [
      {
        name: 'acme-sandbox-v1',
        accountId: SANDBOX,
        region: EAST,
        hostedZone: 'sandbox.example.com',
        ingress: SANDBOX_ALB,
      },
      {
        name: 'acme-sandbox-v2',
        accountId: SANDBOX,
        region: EAST,
        hostedZone: 'sandbox.example.com',
        ingress: SANDBOX_ALB,
      },
      {
        name: 'acme-production-v1',
        accountId: PRODUCTION,
        region: EAST,
        hostedZone: 'production.example.com',
        ingress: PRODUCTION_ALB,
      },
      {
        name: 'other-v1',
        accountId: OTHER,
        region: EAST,
        hostedZone: 'other.example.com',
        ingress: { dnsName: 'other.elb.amazonaws.com', hostedZoneId: 'Z1' },
      },
    ],
  },
};

const entity = (
  name: string,
  type: string,
  annotations: Record<string, string>,
  spec: JsonObject,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, annotations },
  spec: { type, owner: 'group:default/platform-team', ...spec },
});

const OWNER = 'group:default/app-developers';
const JANE = 'user:default/jane';

/** The tags that make a resource this workload's (storefront, acme/storefront, OWNER). */
const storefrontOwnership = (taskId = 'task-0') => ({
  ...ownershipTags(
    workloadLineage({
      appName: 'storefront',
      githubRepository: 'acme/storefront',
      owner: OWNER,
    }),
    { userEntityRef: JANE, taskId },
  ),
  owner: OWNER,
});

const catalogEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'app-developers', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: {},
  },
  entity(
    `account-${SANDBOX}`,
    'aws-account',
    { 'amazonaws.com/account-id': SANDBOX },
    {},
  ),
  entity(
    `account-${PRODUCTION}`,
    'aws-account',
    { 'amazonaws.com/account-id': PRODUCTION },
    {},
  ),
  entity(
    `acme-sandbox-v1-${SANDBOX}-us-east-1`,
    'kubernetes-cluster',
    {
      'amazonaws.com/account-id': SANDBOX,
      'aws-platform-suite.github.io/region': EAST,
    },
    { cluster: { name: 'acme-sandbox-v1', region: EAST } },
  ),
  entity(
    `acme-production-v1-${PRODUCTION}-us-east-1`,
    'kubernetes-cluster',
    {
      'amazonaws.com/account-id': PRODUCTION,
      'aws-platform-suite.github.io/region': EAST,
    },
    { cluster: { name: 'acme-production-v1', region: EAST } },
  ),
  entity(
    'sandbox-example-com-zsandbox',
    'dns-zone',
    { 'amazonaws.com/account-id': SANDBOX },
    { zone: { name: 'sandbox.example.com', private: false } },
  ),
  entity(
    'production-example-com-zprod',
    'dns-zone',
    { 'amazonaws.com/account-id': PRODUCTION },
    { zone: { name: 'production.example.com', private: false } },
  ),
];

let aws: FakeWorkloadAws;

/** The estate as the guide leaves it before any workload: clusters, providers, zones. */
function setUp(
  options: {
    deny?: string[];
    /** Entity refs for which every resource permission is denied. */
    denyRefs?: string[];
    withConfig?: ActionsConfig;
  } = {},
) {
  aws = new FakeWorkloadAws([OPS, SANDBOX, PRODUCTION, OTHER], [EAST]);
  aws.addCluster(SANDBOX, EAST, 'acme-sandbox-v1', SANDBOX_ISSUER);
  aws.addCluster(SANDBOX, EAST, 'acme-sandbox-v2', `${SANDBOX_ISSUER}V2`);
  aws.addCluster(PRODUCTION, EAST, 'acme-production-v1', PRODUCTION_ISSUER);
  for (const [account, issuer] of [
    [SANDBOX, SANDBOX_ISSUER],
    [SANDBOX, `${SANDBOX_ISSUER}V2`],
    [PRODUCTION, PRODUCTION_ISSUER],
  ]) {
    aws.addProvider(account, issuer.replace('https://', ''));
  }
  for (const account of [OPS, SANDBOX, PRODUCTION])
    aws.addProvider(account, GITHUB);
  aws.addZone(SANDBOX, 'sandbox.example.com', 'ZSANDBOX');
  aws.addZone(PRODUCTION, 'production.example.com', 'ZPROD');
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async requests =>
      requests.map(
        (request: { permission: { name: string }; resourceRef?: string }) => ({
          result:
            options.deny?.includes(request.permission.name) ||
            (request.resourceRef &&
              options.denyRefs?.includes(request.resourceRef))
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ),
    ) as any,
  });
  const catalog = catalogServiceMock({ entities: catalogEntities });
  jest.spyOn(catalog, 'getEntityByRef');
  const action = createFlightdeckWorkloadAction({
    config: options.withConfig ?? config,
    clientFactory: { createClient: aws.createClient },
    catalog,
    permissions,
  });
  return { action, permissions, catalog };
}

/** A context whose checkpoints persist in `store`, as a resumed task's do. */
function context(
  input: JsonObject,
  options: {
    store?: Map<string, unknown>;
    dryRun?: boolean;
    taskId?: string;
    /** Simulates a kill right after the n-th change reached AWS, before its checkpoint was stored. */
    killAfter?: number;
  } = {},
) {
  const store = options.store ?? new Map<string, unknown>();
  let ran = 0;
  const ctx = createMockActionContext({
    input,
    task: { id: options.taskId ?? 'task-1' } as any,
    user: { ref: JANE },
  });
  jest.spyOn(ctx.logger, 'error');
  jest.spyOn(ctx.logger, 'info');
  return Object.assign(ctx, {
    isDryRun: options.dryRun,
    async checkpoint({ key, fn }: { key: string; fn: () => Promise<unknown> }) {
      if (store.has(key)) return store.get(key);
      const value = await fn();
      if (options.killAfter !== undefined && ++ran === options.killAfter) {
        throw new Error('killed');
      }
      store.set(key, value);
      return value;
    },
  });
}

const twoStages = {
  name: 'storefront',
  githubRepository: 'acme/storefront',
  owner: OWNER,
  stages: [
    {
      name: 'staging',
      account: `resource:default/account-${SANDBOX}`,
      clusters: [`resource:default/acme-sandbox-v1-${SANDBOX}-us-east-1`],
    },
    {
      name: 'production',
      account: PRODUCTION,
      clusters: ['acme-production-v1'],
    },
  ],
};

const outputOf = (ctx: ReturnType<typeof context>, name: string) =>
  (ctx.output as jest.Mock).mock.calls.find(([n]) => n === name)?.[1];

const role = (account: string, name: string) =>
  aws.roles.get(`${account}:${name}`)!;

describe('aws-platform:flightdeck:workload:create', () => {
  it('creates the repository, the push role, and per stage the pod and deploy roles and the host record', async () => {
    const { action } = setUp();
    const ctx = context(twoStages);
    await action.handler(ctx as any);

    const repository = aws.repositories.get(`${OPS}:${EAST}:acme/storefront`)!;
    expect(repository).toMatchObject({
      mutability: 'IMMUTABLE',
      scanOnPush: true,
    });
    expect(JSON.parse(repository.policy!)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'FlightdeckWorkloadAccountsPull',
          Effect: 'Allow',
          Principal: {
            AWS: [
              `arn:aws:iam::${SANDBOX}:root`,
              `arn:aws:iam::${PRODUCTION}:root`,
            ],
          },
          Action: [
            'ecr:BatchCheckLayerAvailability',
            'ecr:BatchGetImage',
            'ecr:GetDownloadUrlForLayer',
          ],
        },
      ],
    });

    const pods = role(SANDBOX, 'storefront-staging-pods');
    expect(
      samePolicy(
        parsePolicy(pods.trust),
        podRoleTrustPolicy({
          partition: 'aws',
          accountId: SANDBOX,
          issuers: [SANDBOX_ISSUER],
          namespace: 'storefront-staging',
          serviceAccount: 'storefront',
        }),
      ),
    ).toBe(true);
    const deploy = role(PRODUCTION, 'storefront-production-deploy');
    expect(deploy.tags).toEqual({
      ...storefrontOwnership('task-1'),
      'cluster.acme-production-v1.deploy': 'true',
      app: 'storefront',
      stage: 'production',
    });
    expect(repository.tags).toEqual({
      ...storefrontOwnership('task-1'),
      app: 'storefront',
    });
    expect(
      samePolicy(
        parsePolicy(deploy.trust),
        githubActionsTrustPolicy({
          partition: 'aws',
          accountId: PRODUCTION,
          repository: 'acme/storefront',
          branches: ['main'],
        }),
      ),
    ).toBe(true);
    expect(
      samePolicy(
        parsePolicy(deploy.policies.get('storefront-production-deploy')),
        deployRolePolicy({
          clusterArns: [
            `arn:aws:eks:${EAST}:${PRODUCTION}:cluster/acme-production-v1`,
          ],
          repositoryArn: `arn:aws:ecr:${EAST}:${OPS}:repository/acme/storefront`,
        }),
      ),
    ).toBe(true);
    const push = role(OPS, 'github-actions-ecr-storefront');
    expect(parsePolicy(push.policies.get('ecr-push'))).toMatchObject({
      Statement: [
        { Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        {
          Action: expect.arrayContaining(['ecr:PutImage', 'ecr:BatchGetImage']),
          Resource: `arn:aws:ecr:${EAST}:${OPS}:repository/acme/storefront`,
        },
      ],
    });
    expect(aws.records.get('ZSANDBOX')).toEqual([
      {
        Name: 'storefront.sandbox.example.com.',
        Type: 'A',
        AliasTarget: {
          DNSName: `${SANDBOX_ALB.dnsName}.`,
          HostedZoneId: SANDBOX_ALB.hostedZoneId,
          EvaluateTargetHealth: true,
        },
      },
    ]);
    expect(aws.records.get('ZPROD')?.[0].Name).toBe(
      'storefront.production.example.com.',
    );

    expect(aws.mutations).toEqual([
      `CreateRepository ${OPS} acme/storefront`,
      `SetRepositoryPolicy ${OPS} acme/storefront`,
      `CreateRole ${OPS} github-actions-ecr-storefront`,
      `PutRolePolicy ${OPS} github-actions-ecr-storefront`,
      `CreateRole ${SANDBOX} storefront-staging-pods`,
      `CreateRole ${SANDBOX} storefront-staging-deploy`,
      `PutRolePolicy ${SANDBOX} storefront-staging-deploy`,
      `ChangeResourceRecordSets ${SANDBOX} CREATE storefront.sandbox.example.com.`,
      `CreateRole ${PRODUCTION} storefront-production-pods`,
      `CreateRole ${PRODUCTION} storefront-production-deploy`,
      `PutRolePolicy ${PRODUCTION} storefront-production-deploy`,
      `ChangeResourceRecordSets ${PRODUCTION} CREATE storefront.production.example.com.`,
    ]);
    expect(outputOf(ctx, 'plannedChanges')).toHaveLength(12);
    expect(outputOf(ctx, 'changed')).toBe(true);
    expect(outputOf(ctx, 'repositoryUri')).toBe(
      `${OPS}.dkr.ecr.us-east-1.amazonaws.com/acme/storefront`,
    );
    expect(outputOf(ctx, 'pushRoleArn')).toBe(
      `arn:aws:iam::${OPS}:role/github-actions-ecr-storefront`,
    );
    expect(outputOf(ctx, 'stages')).toEqual([
      {
        name: 'staging',
        accountId: SANDBOX,
        accountName: 'Sandbox',
        region: EAST,
        namespace: 'storefront-staging',
        serviceAccount: 'storefront',
        clusters: ['acme-sandbox-v1'],
        podRoleArn: `arn:aws:iam::${SANDBOX}:role/storefront-staging-pods`,
        deployRoleArn: `arn:aws:iam::${SANDBOX}:role/storefront-staging-deploy`,
        host: 'storefront.sandbox.example.com',
        zoneName: 'sandbox.example.com',
        zoneId: 'ZSANDBOX',
        ingress: SANDBOX_ALB,
        deployBranches: ['main'],
      },
      expect.objectContaining({ name: 'production', accountId: PRODUCTION }),
    ]);
  });

  it('changes nothing on a second run', async () => {
    const { action } = setUp();
    await action.handler(context(twoStages) as any);
    const before = aws.mutations.length;
    const second = context(twoStages, { taskId: 'task-2' });
    await action.handler(second as any);
    expect(aws.mutations).toHaveLength(before);
    expect(outputOf(second, 'plannedChanges')).toEqual([]);
    expect(outputOf(second, 'changed')).toBe(false);
    // The tags name the task that created the roles, not the later one.
    expect(
      role(SANDBOX, 'storefront-staging-pods').tags[OWNERSHIP_TAG.task],
    ).toBe('task-1');
  });

  it('lists the exact changes in a dry-run and makes none', async () => {
    const { action } = setUp();
    const ctx = context(twoStages, { dryRun: true });
    await action.handler(ctx as any);
    expect(aws.mutations).toEqual([]);
    expect(outputOf(ctx, 'plannedChanges')).toEqual([
      `Create ECR repository acme/storefront (immutable tags, scan on push) in the Operations account (${OPS}, us-east-1)`,
      `Let accounts ${SANDBOX}, ${PRODUCTION} pull from acme/storefront (repository policy statement FlightdeckWorkloadAccountsPull)`,
      `Create IAM role github-actions-ecr-storefront in the Operations account, trusting repo:acme/storefront:ref:refs/heads/main through arn:aws:iam::${OPS}:oidc-provider/${GITHUB}`,
      `Write the inline policy ecr-push of IAM role github-actions-ecr-storefront in the Operations account: ecr:GetAuthorizationToken on *; ecr:BatchCheckLayerAvailability, ecr:BatchGetImage, ecr:CompleteLayerUpload, ecr:GetDownloadUrlForLayer, ecr:InitiateLayerUpload, ecr:PutImage, ecr:UploadLayerPart on arn:aws:ecr:us-east-1:${OPS}:repository/acme/storefront`,
      `Create IAM role storefront-staging-pods in account Sandbox (${SANDBOX}), trusting system:serviceaccount:storefront-staging:storefront through arn:aws:iam::${SANDBOX}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/SANDBOX1`,
      `Create IAM role storefront-staging-deploy in account Sandbox (${SANDBOX}), trusting repo:acme/storefront:ref:refs/heads/main through arn:aws:iam::${SANDBOX}:oidc-provider/${GITHUB}, tagged cluster.acme-sandbox-v1.deploy=true`,
      `Write the inline policy storefront-staging-deploy of IAM role storefront-staging-deploy in account Sandbox (${SANDBOX}): eks:DescribeCluster on arn:aws:eks:us-east-1:${SANDBOX}:cluster/acme-sandbox-v1; ecr:GetAuthorizationToken on *; ecr:BatchCheckLayerAvailability, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer on arn:aws:ecr:us-east-1:${OPS}:repository/acme/storefront`,
      `Create the record storefront.sandbox.example.com (A, alias to the stage's load balancer ${SANDBOX_ALB.dnsName}) in the zone sandbox.example.com (ZSANDBOX) of account Sandbox (${SANDBOX})`,
      expect.stringContaining('Create IAM role storefront-production-pods'),
      expect.stringContaining('Create IAM role storefront-production-deploy'),
      expect.stringContaining('inline policy storefront-production-deploy'),
      expect.stringContaining(
        'Create the record storefront.production.example.com',
      ),
    ]);
    expect(outputOf(ctx, 'changed')).toBe(false);
    expect(outputOf(ctx, 'stages')[1].deployRoleArn).toBe(
      `arn:aws:iam::${PRODUCTION}:role/storefront-production-deploy`,
    );
  });

  it('only plans in a real task with planOnly (a review run), then applies without it', async () => {
    const { action } = setUp();
    const review = context({ ...twoStages, planOnly: true });
    await action.handler(review as any);
    expect(aws.mutations).toEqual([]);
    expect(outputOf(review, 'plannedChanges')).toHaveLength(12);
    expect(review.logger.info).toHaveBeenCalledWith(
      expect.stringMatching(/^Plan only, nothing changed\. Planned changes:/),
    );
    const apply = context(
      { ...twoStages, planOnly: false },
      { taskId: 'task-2' },
    );
    await action.handler(apply as any);
    expect(aws.mutations).toHaveLength(12);
    await expect(
      action.handler(context({ ...twoStages, planOnly: 'yes' }) as any),
    ).rejects.toThrow('planOnly must be true or false');
  });

  describe('refuses bad input before any AWS call', () => {
    const stage = twoStages.stages[0];
    it.each<[string, JsonObject, string]>([
      [
        'a bad app name',
        { ...twoStages, name: 'Store Front' },
        "name 'Store Front'",
      ],
      [
        'an account not on the allowlist',
        { ...twoStages, stages: [{ ...stage, account: '123456789012' }] },
        'not one the scaffolder may change',
      ],
      [
        'an entity that is not an account',
        {
          ...twoStages,
          stages: [{ ...stage, account: 'resource:default/nope' }],
        },
        'not an AWS account entity',
      ],
      [
        'a cluster not in the config',
        { ...twoStages, stages: [{ ...stage, clusters: ['acme-sandbox-v9'] }] },
        'is not one workloads may be set up for',
      ],
      [
        'a cluster of another account',
        {
          ...twoStages,
          stages: [
            {
              ...stage,
              clusters: [
                `resource:default/acme-production-v1-${PRODUCTION}-us-east-1`,
              ],
            },
          ],
        },
        `is in account ${PRODUCTION}, not in the stage's account Sandbox`,
      ],
      [
        'a zone entity as cluster',
        {
          ...twoStages,
          stages: [
            {
              ...stage,
              clusters: ['resource:default/sandbox-example-com-zsandbox'],
            },
          ],
        },
        'is not an EKS cluster entity',
      ],
      [
        'a zone of another account',
        {
          ...twoStages,
          stages: [
            { ...stage, zone: 'resource:default/production-example-com-zprod' },
          ],
        },
        `the zone production.example.com is in account ${PRODUCTION}`,
      ],
      [
        'a host outside the zone',
        { ...twoStages, stages: [{ ...stage, host: 'shop.example.org' }] },
        "is not under the stage's zone sandbox.example.com",
      ],
      [
        'two stages on one default host',
        { ...twoStages, stages: [stage, { ...stage, name: 'dev' }] },
        'Two stages would use the host storefront.sandbox.example.com',
      ],
      [
        'a wildcard branch',
        { ...twoStages, stages: [{ ...stage, deployBranches: ['*'] }] },
        'no wildcards',
      ],
      [
        'a stage name with a hyphen (storefront + a-b would be storefront-a + b)',
        { ...twoStages, stages: [{ ...stage, name: 'a-b' }] },
        "stages[0].name 'a-b' must be 1 to 16 lowercase letters or digits",
      ],
      [
        'a GitHub owner outside the allowlist',
        { ...twoStages, githubRepository: 'mallory/storefront' },
        'belongs to a GitHub owner whose workflows may not get CI roles',
      ],
    ])('%s', async (_, input, reason) => {
      const { action } = setUp();
      const run = action.handler(context(input) as any);
      await expect(run).rejects.toThrow(InputError);
      await expect(action.handler(context(input) as any)).rejects.toThrow(
        reason,
      );
      expect(aws.createClient).not.toHaveBeenCalled();
      expect(aws.calls()).toBe(0);
    });

    it('when workloads are not configured', async () => {
      const { action } = setUp({ withConfig: { accounts: config.accounts } });
      await expect(action.handler(context(twoStages) as any)).rejects.toThrow(
        'Flightdeck workloads are not configured',
      );
      expect(aws.calls()).toBe(0);
    });
  });

  it('needs the production permission for every run (Operations is shared), checked before any catalog or AWS call', async () => {
    const { action, permissions, catalog } = setUp({
      deny: ['aws-platform.production.change'],
    });
    // Only Sandbox, chosen by catalog entity: still needs production.
    const sandboxOnly = { ...twoStages, stages: [twoStages.stages[0]] };
    await expect(action.handler(context(sandboxOnly) as any)).rejects.toThrow(
      new NotAllowedError(
        `You may not change production or shared accounts (account Operations, ${OPS})`,
      ),
    );
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    expect(aws.createClient).not.toHaveBeenCalled();
    const requests = (permissions.authorize as jest.Mock).mock.calls.map(
      ([r]) => r.map((x: any) => x.permission.name),
    );
    expect(requests).toEqual([
      [
        'aws-platform.flightdeck.workload.create',
        'aws-platform.production.change',
      ],
    ]);
  });

  it('asks the production permission for a production stage named by its catalog entity, before any AWS call', async () => {
    const { action, permissions } = setUp({
      denyRefs: [`resource:default/account-${PRODUCTION}`],
    });
    const byEntity = {
      ...twoStages,
      stages: [
        {
          ...twoStages.stages[1],
          account: `resource:default/account-${PRODUCTION}`,
        },
      ],
    };
    await expect(action.handler(context(byEntity) as any)).rejects.toThrow(
      new NotAllowedError(
        `You may not change production or shared accounts (account Production, ${PRODUCTION})`,
      ),
    );
    expect(aws.createClient).not.toHaveBeenCalled();
    const refs = (permissions.authorize as jest.Mock).mock.calls.flatMap(
      ([r]) => r.map((x: any) => x.resourceRef).filter(Boolean),
    );
    // Operations before the catalog is read, the stage's account after.
    expect(refs).toEqual([
      `resource:default/account-${OPS}`,
      `resource:default/account-${PRODUCTION}`,
    ]);
  });

  it('refuses without the workload permission, before any catalog or AWS call', async () => {
    const { action, catalog } = setUp({
      deny: ['aws-platform.flightdeck.workload.create'],
    });
    await expect(action.handler(context(twoStages) as any)).rejects.toThrow(
      `You may not run aws-platform.flightdeck.workload.create (account Operations, ${OPS}; Production, ${PRODUCTION})`,
    );
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    expect(aws.calls()).toBe(0);
  });

  it.each([
    ['a user', JANE, 'is not a group'],
    [
      'a group not in the catalog',
      'group:default/nobody',
      'is not a Group in the catalog',
    ],
  ])(
    'refuses an owner that is %s, before any AWS call',
    async (_, owner, reason) => {
      const { action } = setUp();
      await expect(
        action.handler(context({ ...twoStages, owner }) as any),
      ).rejects.toThrow(reason);
      expect(aws.createClient).not.toHaveBeenCalled();
    },
  );

  it('reads as the backend and writes as the user, logging each change made with its request id', async () => {
    const { action } = setUp();
    const ctx = context(twoStages);
    await action.handler(ctx as any);
    const targets = aws.createClient.mock.calls.map(([, target]) => target);
    const writers = targets.filter(t => 'actor' in t);
    expect(writers.length).toBeGreaterThan(0);
    expect(writers.every(t => (t as any).actor.userEntityRef === JANE)).toBe(
      true,
    );
    expect(ctx.logger.info).toHaveBeenCalledWith(
      `Done: Create ECR repository acme/storefront (immutable tags, scan on push) in the Operations account (${OPS}, us-east-1) (AWS request id req-CreateRepositoryCommand)`,
    );
  });

  describe('refuses, changing nothing, when what the workload builds on is missing', () => {
    it.each<[string, () => void, string]>([
      [
        'the cluster',
        () => aws.clusters.delete(`${SANDBOX}:${EAST}:acme-sandbox-v1`),
        'The EKS cluster acme-sandbox-v1 does not exist in account Sandbox',
      ],
      [
        'an active cluster',
        () => {
          aws.clusters.get(`${SANDBOX}:${EAST}:acme-sandbox-v1`)!.status =
            'DELETING';
        },
        'is DELETING',
      ],
      [
        "the cluster's OIDC provider",
        () =>
          aws.providers.delete(
            `arn:aws:iam::${SANDBOX}:oidc-provider/${SANDBOX_ISSUER.replace(
              'https://',
              '',
            )}`,
          ),
        'no IAM OIDC provider for the issuer of the cluster acme-sandbox-v1',
      ],
      [
        'the GitHub provider in Operations',
        () =>
          aws.providers.delete(`arn:aws:iam::${OPS}:oidc-provider/${GITHUB}`),
        `the Operations account (${OPS}) has no IAM OIDC provider for GitHub Actions`,
      ],
      [
        'the GitHub provider in Production',
        () =>
          aws.providers.delete(
            `arn:aws:iam::${PRODUCTION}:oidc-provider/${GITHUB}`,
          ),
        `account Production (${PRODUCTION}) has no IAM OIDC provider for GitHub Actions`,
      ],
      [
        'the stage zone',
        () => aws.zones.splice(0, 1),
        'has no public zone sandbox.example.com',
      ],
      [
        'a single stage zone',
        () => aws.addZone(SANDBOX, 'sandbox.example.com', 'ZDUP'),
        'has 2 public zones named sandbox.example.com',
      ],
    ])('%s', async (_, breakIt, reason) => {
      const { action } = setUp();
      breakIt();
      await expect(action.handler(context(twoStages) as any)).rejects.toThrow(
        reason,
      );
      expect(aws.mutations).toEqual([]);
    });
  });

  it('refuses what it did not make and what differs, lists it all with its owners, never a policy, and changes nothing', async () => {
    const { action } = setUp();
    aws.repositories.set(`${OPS}:${EAST}:acme/storefront`, {
      arn: `arn:aws:ecr:${EAST}:${OPS}:repository/acme/storefront`,
      uri: `${OPS}.dkr.ecr.${EAST}.amazonaws.com/acme/storefront`,
      mutability: 'MUTABLE',
      scanOnPush: true,
      tags: storefrontOwnership(),
    });
    // Made by the previous version of the action: its tags are no proof.
    aws.addRole(
      OPS,
      'github-actions-ecr-storefront',
      githubActionsTrustPolicy({
        partition: 'aws',
        accountId: OPS,
        repository: 'acme/storefront',
        branches: ['main'],
      }),
      { 'managed-by': 'backstage', 'backstage-task': 'task-old' },
    );
    aws.addRole(
      PRODUCTION,
      'storefront-production-pods',
      podRoleTrustPolicy({
        partition: 'aws',
        accountId: PRODUCTION,
        issuers: [PRODUCTION_ISSUER],
        namespace: 'storefront-production',
        serviceAccount: 'storefront',
      }),
      {
        ...storefrontOwnership(),
        [OWNERSHIP_TAG.lineage]:
          'flightdeck-workload-create-0123456789abcdef01234567',
        [OWNERSHIP_TAG.createdBy]: 'user:default/mallory',
      },
    );
    aws.addRole(SANDBOX, 'storefront-staging-pods', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    aws.records.get('ZPROD')!.push({
      Name: 'storefront.production.example.com.',
      Type: 'CNAME',
      TTL: 300,
      ResourceRecords: [{ Value: 'legacy.example.net' }],
    });
    const run = action.handler(context(twoStages) as any);
    await expect(run).rejects.toThrow(ConflictError);
    const message = await action
      .handler(context(twoStages) as any)
      .catch((error: Error) => error.message);
    expect(message).toBe(
      [
        `Nothing was changed: The ECR repository acme/storefront in the Operations account (${OPS}) was made for this workload, but its tags are mutable; the guide's repositories have immutable tags and scan on push`,
        `The IAM role github-actions-ecr-storefront in the Operations account already exists and was not made by the AWS Platform suite; it was left as it is`,
        `The IAM role storefront-staging-pods in account Sandbox (${SANDBOX}) already exists and was not made by the AWS Platform suite; it was left as it is`,
        `The IAM role storefront-production-pods in account Production (${PRODUCTION}) already exists, made by the AWS Platform suite for another request (created by user:default/mallory); it was left as it is`,
        `storefront.production.example.com already has a CNAME record (legacy.example.net) in the zone production.example.com of account Production (${PRODUCTION}); it was left as it is. Choose another host, or remove that record first.`,
      ].join('. '),
    );
    expect(message).not.toMatch(/ec2\.amazonaws\.com|Statement|sts:/);
    expect(aws.mutations).toEqual([]);
  });

  it('converges what it owns: the pull statement, a new cluster tag and a stale inline policy', async () => {
    const { action } = setUp();
    await action.handler(context(twoStages) as any);
    // Someone rewrote the repository policy without Production, and a second
    // (blue/green) cluster joins staging.
    const repository = aws.repositories.get(`${OPS}:${EAST}:acme/storefront`)!;
    repository.policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Ci',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OPS}:root` },
          Action: 'ecr:*',
        },
        {
          Sid: 'FlightdeckWorkloadAccountsPull',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${SANDBOX}:root` },
          Action: [
            'ecr:BatchCheckLayerAvailability',
            'ecr:BatchGetImage',
            'ecr:GetDownloadUrlForLayer',
          ],
        },
      ],
    });
    aws.mutations.length = 0;
    const pods = role(SANDBOX, 'storefront-staging-pods');
    // The pod role must trust the second cluster too: that is its trust
    // policy, so the action refuses rather than rewriting it...
    const blueGreen = {
      ...twoStages,
      stages: [
        {
          ...twoStages.stages[0],
          clusters: ['acme-sandbox-v1', 'acme-sandbox-v2'],
        },
        twoStages.stages[1],
      ],
    };
    await expect(
      action.handler(context(blueGreen, { taskId: 'task-2' }) as any),
    ).rejects.toThrow(
      'The IAM role storefront-staging-pods in account Sandbox (171870262174) was made for this workload (created by user:default/jane) but trusts other subjects than the workload needs now',
    );
    expect(aws.mutations).toEqual([]);
    // ...and once the platform team has updated it, converges the rest.
    pods.trust = encodeURIComponent(
      JSON.stringify(
        podRoleTrustPolicy({
          partition: 'aws',
          accountId: SANDBOX,
          issuers: [SANDBOX_ISSUER, `${SANDBOX_ISSUER}V2`],
          namespace: 'storefront-staging',
          serviceAccount: 'storefront',
        }),
      ),
    );
    const ctx = context(blueGreen, { taskId: 'task-3' });
    await action.handler(ctx as any);
    expect(aws.mutations).toEqual([
      `SetRepositoryPolicy ${OPS} acme/storefront`,
      `TagRole ${SANDBOX} storefront-staging-deploy`,
      `PutRolePolicy ${SANDBOX} storefront-staging-deploy`,
    ]);
    expect(JSON.parse(repository.policy).Statement).toEqual([
      expect.objectContaining({ Sid: 'Ci' }),
      expect.objectContaining({
        Principal: {
          AWS: [
            `arn:aws:iam::${SANDBOX}:root`,
            `arn:aws:iam::${PRODUCTION}:root`,
          ],
        },
      }),
    ]);
    expect(role(SANDBOX, 'storefront-staging-deploy').tags).toMatchObject({
      'cluster.acme-sandbox-v1.deploy': 'true',
      'cluster.acme-sandbox-v2.deploy': 'true',
    });
    expect(outputOf(ctx, 'plannedChanges')).toEqual([
      `Let account ${PRODUCTION} pull from acme/storefront (repository policy statement FlightdeckWorkloadAccountsPull)`,
      `Tag IAM role storefront-staging-deploy in account Sandbox (${SANDBOX}) with cluster.acme-sandbox-v2.deploy=true`,
      expect.stringMatching(
        /^Replace the inline policy storefront-staging-deploy .*cluster\/acme-sandbox-v1, arn:aws:eks:us-east-1:171870262174:cluster\/acme-sandbox-v2;/,
      ),
    ]);
  });

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'resumed after a kill right after change %i reached AWS, creates nothing twice',
    async killAfter => {
      const { action } = setUp();
      const store = new Map<string, unknown>();
      const first = context(twoStages, { store, killAfter });
      await expect(action.handler(first as any)).rejects.toThrow('killed');
      expect(first.logger.error).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Stopped while setting up storefront\. Done so far: .*Not done: /,
        ),
      );
      const resumed = context(twoStages, { store });
      await action.handler(resumed as any);
      const creates = aws.mutations.filter(m => /^Create|CREATE/.test(m));
      expect(new Set(creates).size).toBe(creates.length);
      expect(creates).toHaveLength(8);
      expect(aws.records.get('ZSANDBOX')).toHaveLength(1);
      expect(aws.records.get('ZPROD')).toHaveLength(1);
      expect(aws.roles.size).toBe(5);
    },
  );

  it('reports what exists when a change fails, and finishes when run again', async () => {
    const { action } = setUp();
    aws.stubs[`IAMClient:${SANDBOX}:${EAST}`]
      .on(PutRolePolicyCommand)
      .rejectsOnce(
        Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }),
      );
    const store = new Map<string, unknown>();
    const ctx = context(twoStages, { store });
    await expect(action.handler(ctx as any)).rejects.toThrow('Rate exceeded');
    const report = (ctx.logger.error as jest.Mock).mock.calls[0][0];
    expect(report).toContain(
      'Done so far: Create ECR repository acme/storefront (immutable tags, scan on push)',
    );
    expect(report).toContain('Create IAM role storefront-staging-deploy');
    expect(report).toMatch(
      /Not done: Write the inline policy storefront-staging-deploy/,
    );
    expect(report).toContain('creates nothing twice');

    aws.stubs[`IAMClient:${SANDBOX}:${EAST}`]
      .on(PutRolePolicyCommand)
      .callsFake(({ RoleName, PolicyName, PolicyDocument }) => {
        aws.mutations.push(`PutRolePolicy ${SANDBOX} ${RoleName}`);
        role(SANDBOX, RoleName).policies.set(
          PolicyName,
          encodeURIComponent(PolicyDocument),
        );
        return {};
      });
    await action.handler(context(twoStages, { store }) as any);
    expect(aws.stubs[`ECRClient:${OPS}:${EAST}`]).toHaveReceivedCommandTimes(
      CreateRepositoryCommand,
      1,
    );
    expect(aws.stubs[`ECRClient:${OPS}:${EAST}`]).toHaveReceivedCommandTimes(
      SetRepositoryPolicyCommand,
      1,
    );
    expect(
      aws.stubs[`IAMClient:${SANDBOX}:${EAST}`],
    ).toHaveReceivedCommandTimes(CreateRoleCommand, 2);
    expect(
      aws.stubs[`Route53Client:${SANDBOX}:us-east-1`],
    ).toHaveReceivedCommandTimes(ChangeResourceRecordSetsCommand, 1);
  });

  describe('judges a role that appeared between the plan and CreateRole by its tags, as the plan does', () => {
    const wanted = () =>
      podRoleTrustPolicy({
        partition: 'aws',
        accountId: SANDBOX,
        issuers: [SANDBOX_ISSUER],
        namespace: 'storefront-staging',
        serviceAccount: 'storefront',
      });
    /** GetRole says "no such role" when the plan is made; then it appears. */
    function appearsBeforeCreateRole(
      trust: unknown,
      tags: Record<string, string>,
    ) {
      aws.stubs[`IAMClient:${SANDBOX}:${EAST}`]
        .on(CreateRoleCommand, { RoleName: 'storefront-staging-pods' })
        .callsFakeOnce(() => {
          aws.addRole(SANDBOX, 'storefront-staging-pods', trust, tags);
          throw new EntityAlreadyExistsException({
            message: 'exists',
            $metadata: {},
          });
        });
    }

    it('reuses one this workload made (a concurrent run of the same request)', async () => {
      const { action } = setUp();
      appearsBeforeCreateRole(wanted(), storefrontOwnership('task-other'));
      const ctx = context(twoStages);
      await action.handler(ctx as any);
      expect(
        role(SANDBOX, 'storefront-staging-pods').tags[OWNERSHIP_TAG.task],
      ).toBe('task-other');
      expect(outputOf(ctx, 'changed')).toBe(true);
    });

    it.each<[string, () => unknown, Record<string, string>, string]>([
      [
        'one someone else made, even with the same trust',
        wanted,
        { 'backstage-task': 'other' },
        'The IAM role storefront-staging-pods, which appeared meanwhile, already exists and was not made by the AWS Platform suite',
      ],
      [
        'one of this workload trusting others',
        () => ({ Version: '2012-10-17', Statement: [] }),
        storefrontOwnership('task-other'),
        'The IAM role storefront-staging-pods appeared meanwhile trusting other subjects than the workload needs',
      ],
    ])('refuses %s', async (_, trust, tags, reason) => {
      const { action } = setUp();
      appearsBeforeCreateRole(trust(), tags);
      await expect(action.handler(context(twoStages) as any)).rejects.toThrow(
        reason,
      );
      expect(role(SANDBOX, 'storefront-staging-pods').tags).toEqual(tags);
    });
  });

  it.each([
    ['the same load balancer', SANDBOX_ALB.dnsName, 'finished'],
    [
      'another target',
      'elsewhere.example.net',
      'storefront.sandbox.example.com got a A record meanwhile; it was left as it is',
    ],
  ])(
    'reads a host record again before creating it: one that appeared meanwhile for %s is not written over',
    async (_, target, expectedOutcome) => {
      const { action } = setUp();
      // Empty when the plan is made; someone writes the record before the change.
      aws.afterNextRecordsRead.set('ZSANDBOX', () =>
        aws.records.get('ZSANDBOX')!.push({
          Name: 'storefront.sandbox.example.com.',
          Type: 'A',
          AliasTarget: {
            DNSName: `${target}.`,
            HostedZoneId: SANDBOX_ALB.hostedZoneId,
            EvaluateTargetHealth: true,
          },
        }),
      );
      const outcome = await action.handler(context(twoStages) as any).then(
        () => 'finished',
        (error: Error) => error.message,
      );
      expect(outcome).toBe(expectedOutcome);
      expect(
        aws.stubs[`Route53Client:${SANDBOX}:us-east-1`],
      ).not.toHaveReceivedCommand(ChangeResourceRecordSetsCommand);
      expect(aws.records.get('ZSANDBOX')).toHaveLength(1);
    },
  );

  it('runs each documented example', async () => {
    for (const example of examples) {
      const { action } = setUp();
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(action.id);
      const ctx = context(step.input);
      await action.handler(ctx as any);
      expect(outputOf(ctx, 'repositoryName')).toBe(`acme/${step.input.name}`);
      expect(outputOf(ctx, 'changed')).toBe(true);
      expect(outputOf(ctx, 'stages')).toHaveLength(step.input.stages.length);
    }
  });
});

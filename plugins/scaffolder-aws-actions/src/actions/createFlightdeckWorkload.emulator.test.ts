import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import {
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  AwsClientClass,
  AwsClientTarget,
  SdkClientLike,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { useReferenceEstate } from '@internal/local-aws';
import { parsePolicy } from '../iam/iamPolicies';
import { MANAGED_BY_VALUE, OWNERSHIP_TAG } from '../lib/ownership';
import { estateClientFactory } from './__testUtils__/estateClientFactory';
import {
  workloadConfig,
  workloadIngress,
  workloadInput,
  WORKLOAD_OWNER,
  workloadOwnerGroup,
} from './__testUtils__/estateActionConfigs';
import { createFlightdeckWorkloadAction } from './createFlightdeckWorkload';

// Runs the action against moto's server seeded with the guide's reference
// organization (clusters acme-sandbox-v1 and acme-production-v1, their zones,
// the IAM OIDC providers of the clusters and of GitHub Actions in
// Operations, Sandbox and Production), reaching every account by assuming
// OrganizationAccountAccessRole as the portal does. Every command the action
// sends is recorded by a middleware, so "no AWS call" and "nothing created
// twice" are checked on the wire. moto lets a Route 53 CREATE duplicate a
// record set, so the resumed runs below would show a second record if the
// action did not read before creating. What moto cannot show (IAM and ECR
// refusing a name another run took meanwhile, EKS clusters that are not
// active) is covered by the unit tests. Refusals are also checked on moto's
// own request log (its recorder): a refused run makes no AWS change at all.
jest.setTimeout(120_000);

const local = useReferenceEstate();

/** Every command the action sent, e.g. `CreateRoleCommand 171870262174 shop-staging-pods`. */
let sent: string[] = [];
const changes = () =>
  sent.filter(c =>
    /^(Create|Set|Put|Tag|ChangeResourceRecordSets|Delete|Update)/.test(c),
  );

const motoFactory = () => estateClientFactory({ maxAttempts: 1 });

const JANE = 'user:default/jane';
const OTHER_TEAM = {
  ...workloadOwnerGroup,
  metadata: { name: 'other-team', namespace: 'default' },
};

/** Runs `fn` with moto's request log on; returns the requests it saw. */
async function recorded(fn: () => Promise<unknown>) {
  await local.localAws.requestLog.start();
  await fn();
  const requests = await local.localAws.requestLog.read();
  await local.localAws.requestLog.stop();
  return requests;
}

/** The error a run ends with, and moto's log of what it sent meanwhile. */
async function refusal(run: () => Promise<unknown>) {
  let error: Error | undefined;
  const requests = await recorded(() =>
    run().catch((e: Error) => {
      error = e;
    }),
  );
  return {
    error,
    requests,
    mutations: requests.filter(r => r.mutating),
  };
}

function setUp(options: { deny?: string[] } = {}) {
  const factory = motoFactory();
  const clientFactory = {
    async createClient<TClient extends SdkClientLike>(
      cls: AwsClientClass<TClient>,
      target: AwsClientTarget,
    ): Promise<TClient> {
      const client = await factory.createClient(cls, target);
      client.middlewareStack.add(
        (next: any, handlerContext: any) => async (args: any) => {
          const input = args.input ?? {};
          const subject =
            input.RoleName ??
            input.repositoryName ??
            input.ChangeBatch?.Changes?.[0]?.ResourceRecordSet?.Name ??
            '';
          sent.push(
            `${handlerContext.commandName} ${target.accountId} ${subject}`,
          );
          return next(args);
        },
        { step: 'initialize', name: 'recordCommands' },
      );
      return client;
    },
  };
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(request => ({
        result: options.deny?.includes(request.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
  });
  const action = createFlightdeckWorkloadAction({
    config: workloadConfig(local.estate),
    clientFactory,
    catalog: catalogServiceMock({
      entities: [workloadOwnerGroup, OTHER_TEAM],
    }),
    permissions,
  });
  return { action };
}

/** Clients of the test itself (not recorded), to look at moto's state. */
async function inspect(accountId: string) {
  const factory = motoFactory();
  const target = { accountId, region: local.estate.region };
  return {
    iam: await factory.createClient(IAMClient, target),
    ecr: await factory.createClient(ECRClient, target),
    route53: await factory.createClient(Route53Client, target),
  };
}

function context(
  input: JsonObject,
  options: {
    taskId: string;
    dryRun?: boolean;
    store?: Map<string, unknown>;
    /** Stops the task right after the n-th change reached AWS. */
    killAfter?: number;
    /** Fails the n-th change before it reaches AWS. */
    failAt?: number;
  },
) {
  const store = options.store ?? new Map<string, unknown>();
  let n = 0;
  return Object.assign(
    createMockActionContext({
      input,
      task: { id: options.taskId } as any,
      user: { ref: JANE },
    }),
    {
      isDryRun: options.dryRun,
      async checkpoint({
        key,
        fn,
      }: {
        key: string;
        fn: () => Promise<unknown>;
      }) {
        if (store.has(key)) return store.get(key);
        n += 1;
        if (n === options.failAt) throw new Error('failed before the call');
        const value = await fn();
        if (n === options.killAfter) throw new Error('killed');
        store.set(key, value);
        return value;
      },
    },
  );
}

const outputOf = (ctx: { output: unknown }, name: string) =>
  (ctx.output as jest.Mock).mock.calls.find(([n]) => n === name)?.[1];

function workload(name: string): JsonObject {
  return workloadInput(local.estate, name);
}

async function roleOf(iam: IAMClient, name: string) {
  try {
    return (await iam.send(new GetRoleCommand({ RoleName: name }))).Role;
  } catch (error) {
    if (error instanceof NoSuchEntityException) return undefined;
    throw error;
  }
}

async function recordsAt(route53: Route53Client, zoneId: string, host: string) {
  const { ResourceRecordSets } = await route53.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      StartRecordName: `${host}.`,
      MaxItems: 100,
    }),
  );
  return (ResourceRecordSets ?? []).filter(r => r.Name === `${host}.`);
}

beforeEach(() => {
  sent = [];
});

describe('aws-platform:flightdeck:workload:create on the local estate', () => {
  it('sets up a workload in Operations, Sandbox and Production, and a second run changes nothing', async () => {
    const { action } = setUp();
    const { operations, sandbox, production } = local.estate.accounts;
    const first = context(workload('checkout'), { taskId: 'task-checkout-1' });
    const info = jest.spyOn(first.logger, 'info');
    await action.handler(first as any);
    expect(changes()).toHaveLength(12);
    // Each change is logged with the request id moto gave its write.
    const done = info.mock.calls
      .map(([line]) => String(line))
      .filter(line => line.startsWith('Done: '));
    expect(done).toHaveLength(12);
    expect(done[0]).toMatch(
      /^Done: Create ECR repository acme\/checkout .* \(AWS request id \S+\)$/,
    );

    const ops = await inspect(operations.id);
    const { repositories } = await ops.ecr.send(
      new DescribeRepositoriesCommand({ repositoryNames: ['acme/checkout'] }),
    );
    expect(repositories?.[0]).toMatchObject({
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      repositoryUri: `${operations.id}.dkr.ecr.us-east-1.amazonaws.com/acme/checkout`,
    });
    const { policyText } = await ops.ecr.send(
      new GetRepositoryPolicyCommand({ repositoryName: 'acme/checkout' }),
    );
    expect(JSON.parse(policyText!).Statement[0].Principal.AWS).toEqual([
      `arn:aws:iam::${sandbox.id}:root`,
      `arn:aws:iam::${production.id}:root`,
    ]);
    const push = await roleOf(ops.iam, 'github-actions-ecr-checkout');
    expect(parsePolicy(push?.AssumeRolePolicyDocument)).toMatchObject({
      Statement: [
        {
          Principal: {
            Federated: `arn:aws:iam::${operations.id}:oidc-provider/token.actions.githubusercontent.com`,
          },
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
              'token.actions.githubusercontent.com:sub': [
                'repo:acme/checkout:ref:refs/heads/main',
              ],
            },
          },
        },
      ],
    });

    const stage = await inspect(sandbox.id);
    const issuer = local.estate.clusters.sandbox.oidcIssuer;
    const pods = await roleOf(stage.iam, 'checkout-staging-pods');
    expect(parsePolicy(pods?.AssumeRolePolicyDocument)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            Federated: `arn:aws:iam::${sandbox.id}:oidc-provider/${issuer}`,
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              [`${issuer}:aud`]: 'sts.amazonaws.com',
              [`${issuer}:sub`]:
                'system:serviceaccount:checkout-staging:checkout',
            },
          },
        },
      ],
    });
    const deploy = await roleOf(stage.iam, 'checkout-staging-deploy');
    expect(deploy?.Tags).toEqual(
      expect.arrayContaining([
        {
          Key: `cluster.${local.estate.clusters.sandbox.name}.deploy`,
          Value: 'true',
        },
        { Key: OWNERSHIP_TAG.managedBy, Value: MANAGED_BY_VALUE },
        { Key: OWNERSHIP_TAG.createdBy, Value: JANE },
        { Key: OWNERSHIP_TAG.task, Value: 'task-checkout-1' },
        { Key: 'owner', Value: WORKLOAD_OWNER },
      ]),
    );
    const { PolicyDocument } = await stage.iam.send(
      new GetRolePolicyCommand({
        RoleName: 'checkout-staging-deploy',
        PolicyName: 'checkout-staging-deploy',
      }),
    );
    expect(parsePolicy(PolicyDocument)).toMatchObject({
      Statement: [
        {
          Action: 'eks:DescribeCluster',
          Resource: [local.estate.clusters.sandbox.arn],
        },
        { Action: 'ecr:GetAuthorizationToken' },
        {
          Resource: `arn:aws:ecr:us-east-1:${operations.id}:repository/acme/checkout`,
        },
      ],
    });
    expect(
      await recordsAt(
        stage.route53,
        local.estate.zones.sandbox.id,
        'checkout.sandbox.example.com',
      ),
    ).toEqual([
      expect.objectContaining({
        Type: 'A',
        AliasTarget: {
          DNSName: `${workloadIngress('sandbox').dnsName}.`,
          HostedZoneId: 'Z35SXDOTRQ7X7K',
          EvaluateTargetHealth: true,
        },
      }),
    ]);
    const prod = await inspect(production.id);
    expect(await roleOf(prod.iam, 'checkout-production-deploy')).toBeDefined();
    expect(
      await recordsAt(
        prod.route53,
        local.estate.zones.production.id,
        'checkout.production.example.com',
      ),
    ).toHaveLength(1);

    sent = [];
    const second = context(workload('checkout'), { taskId: 'task-checkout-2' });
    await action.handler(second as any);
    expect(changes()).toEqual([]);
    expect(outputOf(second, 'plannedChanges')).toEqual([]);
    expect(outputOf(second, 'changed')).toBe(false);
  });

  it('refuses the seeded acme/storefront repository another team made, with no AWS change (repository takeover)', async () => {
    // Its settings match what a workload needs and its policy already lets
    // both accounts pull; only its tags say the suite did not make it.
    const { action } = setUp();
    const { error, mutations } = await refusal(() =>
      action.handler(
        context(workload('storefront'), { taskId: 'task-storefront' }) as any,
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error?.message).toContain(
      `The ECR repository acme/storefront in the Operations account (${local.estate.accounts.operations.id}) already exists and was not made by the AWS Platform suite (owner tag: `,
    );
    expect(mutations).toEqual([]);
    expect(changes()).toEqual([]);
  });

  it('refuses a workload the suite made for another GitHub repository or owner group, with no AWS change', async () => {
    const { action } = setUp();
    await action.handler(
      context(workload('payments'), { taskId: 'task-payments' }) as any,
    );
    for (const other of [
      { ...workload('payments'), githubRepository: 'acme/payments-fork' },
      { ...workload('payments'), owner: 'group:default/other-team' },
    ]) {
      const { error, mutations } = await refusal(() =>
        action.handler(context(other, { taskId: 'task-takeover' }) as any),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error?.message).toContain(
        'already exists, made by the AWS Platform suite for another request (created by user:default/jane)',
      );
      expect(error?.message).toContain('github-actions-ecr-payments');
      expect(mutations).toEqual([]);
    }
  });

  it('refuses a GitHub owner outside flightdeck.githubOwners with no AWS call', async () => {
    const { action } = setUp();
    const { error, requests } = await refusal(() =>
      action.handler(
        context(
          { ...workload('evil'), githubRepository: 'evil-org/evil' },
          { taskId: 'task-evil' },
        ) as any,
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error?.message).toContain('allowed owners: acme');
    expect(requests).toEqual([]);
  });

  it('refuses a user without the production permission (Operations is shared) with no AWS call', async () => {
    const { action } = setUp({ deny: ['aws-platform.production.change'] });
    const sandboxOnly = {
      ...workload('denied'),
      stages: [(workload('denied').stages as JsonObject[])[0]],
    };
    const { error, requests } = await refusal(() =>
      action.handler(context(sandboxOnly, { taskId: 'task-denied' }) as any),
    );
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error?.message).toContain(
      `change production or shared accounts (account Operations, ${local.estate.accounts.operations.id})`,
    );
    expect(requests).toEqual([]);
  });

  it('changes nothing in a dry-run', async () => {
    const { action } = setUp();
    const ctx = context(workload('preview'), {
      taskId: 'task-preview',
      dryRun: true,
    });
    await action.handler(ctx as any);
    expect(sent.length).toBeGreaterThan(0);
    expect(changes()).toEqual([]);
    expect(outputOf(ctx, 'plannedChanges')).toHaveLength(12);
    const stage = await inspect(local.estate.accounts.sandbox.id);
    expect(await roleOf(stage.iam, 'preview-staging-pods')).toBeUndefined();
  });

  it.each([
    ['a kill right after', 'killAfter'],
    ['a failure right before', 'failAt'],
  ] as const)(
    'resumed after %s each of the 12 changes, creates nothing twice',
    async (_, how) => {
      const { action } = setUp();
      for (let step = 1; step <= 12; step++) {
        const name = `${how === 'killAfter' ? 'kill' : 'fail'}${step}`;
        const store = new Map<string, unknown>();
        sent = [];
        await expect(
          action.handler(
            context(workload(name), {
              taskId: `task-${name}`,
              store,
              [how]: step,
            }) as any,
          ),
        ).rejects.toThrow(how === 'killAfter' ? 'killed' : 'failed before');
        await action.handler(
          context(workload(name), { taskId: `task-${name}`, store }) as any,
        );
        // 12 changes in all, each made once, across both attempts.
        expect(changes()).toHaveLength(12);
        expect(new Set(changes()).size).toBe(12);
        const stage = await inspect(local.estate.accounts.sandbox.id);
        expect(
          await recordsAt(
            stage.route53,
            local.estate.zones.sandbox.id,
            `${name}.sandbox.example.com`,
          ),
        ).toHaveLength(1);
      }
    },
  );

  it('refuses bad input with zero AWS calls', async () => {
    const { action } = setUp();
    for (const input of [
      { ...workload('bad'), name: 'Bad_Name' },
      {
        ...workload('bad'),
        stages: [
          {
            name: 'staging',
            account: local.estate.accounts.network.id,
            clusters: [local.estate.clusters.sandbox.name],
          },
        ],
      },
      {
        ...workload('bad'),
        stages: [
          {
            name: 'staging',
            account: local.estate.accounts.sandbox.id,
            clusters: [local.estate.clusters.production.name],
          },
        ],
      },
      // app bad + stage b-c would name the roles of app bad-b + stage c.
      {
        ...workload('bad'),
        stages: [
          {
            name: 'b-c',
            account: local.estate.accounts.sandbox.id,
            clusters: [local.estate.clusters.sandbox.name],
          },
        ],
      },
      { ...workload('bad'), owner: 'user:default/jane' },
    ]) {
      await expect(
        action.handler(context(input, { taskId: 'task-bad' }) as any),
      ).rejects.toThrow(InputError);
    }
    expect(sent).toEqual([]);
  });

  it('refuses a role someone else made, naming it without echoing its trust policy, and changes nothing', async () => {
    const { action } = setUp();
    const stage = await inspect(local.estate.accounts.sandbox.id);
    await stage.iam.send(
      new CreateRoleCommand({
        RoleName: 'legacy-staging-pods',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'ec2.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    );
    const { error, mutations } = await refusal(() =>
      action.handler(
        context(workload('legacy'), { taskId: 'task-legacy' }) as any,
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error?.message).toContain(
      `The IAM role legacy-staging-pods in account Sandbox (${local.estate.accounts.sandbox.id}) already exists and was not made by the AWS Platform suite`,
    );
    expect(error?.message).not.toMatch(/ec2\.amazonaws\.com|Statement|sts:/);
    expect(mutations).toEqual([]);
    expect(changes()).toEqual([]);
    const ops = await inspect(local.estate.accounts.operations.id);
    await expect(
      ops.ecr.send(
        new DescribeRepositoriesCommand({ repositoryNames: ['acme/legacy'] }),
      ),
    ).rejects.toThrow();
  });
});

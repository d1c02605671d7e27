import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { ANNOTATION_AWS_ACCOUNT_ID } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useReferenceEstate } from '@internal/local-aws';
import { estateClientFactory } from '../actions/__testUtils__/estateClientFactory';
import { createBackupPlanAction } from '../actions/createBackupPlan';
import { createDelegatedSubdomainAction } from '../actions/createDelegatedSubdomain';
import { createFlightdeckWorkloadAction } from '../actions/createFlightdeckWorkload';
import { estateActionsConfig } from './estateActionsConfig';
import {
  backupPlanCases,
  HostileCase,
  subdomainCases,
  workloadCases,
} from './hostileInputCases';

// Every action gets at least 200 invalid or hostile inputs against moto
// seeded with the reference estate. Each must end in an InputError that says
// why, before any AWS call: moto's own request log (its recorder) must stay
// empty. A valid dry-run at the end shows the log does see the action's calls.
jest.setTimeout(300_000);

const local = useReferenceEstate();

function accountEntity(name: string, accountId: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: { [ANNOTATION_AWS_ACCOUNT_ID]: accountId },
    },
    spec: { type: 'aws-account', owner: 'group:default/platform-team' },
  };
}

/** The team the valid inputs name as owner (the actions' owner field). */
const OWNER_GROUP = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'hostile-test-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
const OWNER = 'group:default/hostile-test-team';

function setUp(options: { denyAll?: boolean } = {}) {
  const clientFactory = estateClientFactory({ maxAttempts: 1 });
  const config = estateActionsConfig(local.estate);
  // The catalog knows the Sandbox account and the Network account (which is
  // not in the allowlist); a user-specific catalog would hide more.
  const catalog = catalogServiceMock({
    entities: [
      accountEntity(
        `sandbox-${local.estate.accounts.sandbox.id}`,
        local.estate.accounts.sandbox.id,
      ),
      accountEntity(
        `network-${local.estate.accounts.network.id}`,
        local.estate.accounts.network.id,
      ),
      OWNER_GROUP,
    ],
  });
  const permissions = options.denyAll
    ? mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
      })
    : mockServices.permissions();
  const deps = { config, clientFactory, catalog, permissions };
  return {
    subdomain: createDelegatedSubdomainAction(deps),
    backupPlan: createBackupPlanAction(deps),
    workload: createFlightdeckWorkloadAction(deps),
  };
}

type AnyAction = ReturnType<typeof setUp>[
  | 'subdomain'
  | 'backupPlan'
  | 'workload'];

async function run(
  action: AnyAction,
  input: JsonObject,
  isDryRun = false,
  // null: a task started by no user (undefined would take this default).
  user: { ref: string } | null = { ref: 'user:default/jane' },
) {
  const ctx = Object.assign(
    createMockActionContext({
      input,
      task: { id: 'task-hostile' } as any,
      user: user ?? undefined,
    }),
    { isDryRun },
  );
  await (action.handler as (c: unknown) => Promise<void>)(ctx);
  return ctx;
}

/** Runs every case; returns the failures as readable lines. */
async function rejectEveryCase(action: AnyAction, cases: HostileCase[]) {
  const problems: string[] = [];
  for (const { label, input, readsFirst } of cases) {
    await local.localAws.requestLog.start();
    let error: unknown;
    try {
      await run(action, input);
    } catch (e) {
      error = e;
    }
    const calls = await local.localAws.requestLog.read();
    const e = error as Error | undefined;
    if (!e) {
      problems.push(`${label}: accepted`);
    } else if (e.name !== 'InputError') {
      problems.push(`${label}: ${e.name} ${e.message?.slice(0, 120)}`);
    } else if (!e.message || e.message.length > 600) {
      problems.push(
        `${label}: reason missing or ${e.message.length} chars long`,
      );
      // eslint-disable-next-line no-control-regex -- finding them is the point
    } else if (/[\u0000-\u001f\u007f\u202e]/.test(e.message)) {
      problems.push(`${label}: the reason carries control characters`);
    }
    const counted = readsFirst ? calls.filter(c => c.mutating) : calls;
    if (counted.length > 0) {
      problems.push(
        `${label}: ${counted.length} AWS calls (${counted
          .map(c => `${c.service} ${c.operation}`)
          .join(', ')})`,
      );
    }
  }
  await local.localAws.requestLog.stop();
  return problems;
}

const outsideAllowlist = () => [
  local.estate.accounts.network.id,
  local.estate.accounts.management.id,
  local.estate.accounts.backup.id,
];

describe('hostile inputs, checked against moto request log', () => {
  it('aws-platform:route53:subdomain:create rejects 200+ invalid inputs before any AWS call', async () => {
    const { subdomain } = setUp();
    const valid = {
      domainName: 'hostile-test.example.com',
      account: local.estate.accounts.sandbox.id,
      owner: OWNER,
    };
    const cases = subdomainCases({
      valid,
      outsideAllowlist: outsideAllowlist(),
    });
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(await rejectEveryCase(subdomain, cases)).toEqual([]);

    // The log does see what the action sends once the input is valid.
    await local.localAws.requestLog.start();
    const ctx = await run(subdomain, valid, true);
    const calls = await local.localAws.requestLog.read();
    await local.localAws.requestLog.stop();
    expect(ctx.output).toHaveBeenCalledWith(
      'plannedChanges',
      expect.arrayContaining([
        expect.stringContaining('Create public hosted zone'),
      ]),
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter(c => c.service !== 'sts' && c.mutating)).toEqual([]);
  });

  it('aws-platform:backup:plan:create rejects 200+ invalid inputs before any AWS call', async () => {
    const { backupPlan } = setUp();
    const valid = {
      account: local.estate.accounts.sandbox.id,
      owner: OWNER,
      region: 'us-east-1',
      planName: 'hostile-test',
      schedule: 'cron(0 2 * * ? *)',
      coldStorageAfterDays: 90,
      deleteAfterDays: 270,
    };
    const cases = backupPlanCases({
      valid,
      outsideAllowlist: outsideAllowlist(),
    });
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(await rejectEveryCase(backupPlan, cases)).toEqual([]);

    await local.localAws.requestLog.start();
    await run(backupPlan, valid, true);
    const calls = await local.localAws.requestLog.read();
    await local.localAws.requestLog.stop();
    expect(calls.some(c => c.service === 'backup')).toBe(true);
    expect(calls.filter(c => c.service !== 'sts' && c.mutating)).toEqual([]);
  });

  it('aws-platform:flightdeck:workload:create rejects 200+ invalid inputs before any AWS call', async () => {
    const { workload } = setUp();
    const valid = {
      name: 'hostile',
      githubRepository: 'acme/hostile',
      owner: OWNER,
      stages: [
        {
          name: 'staging',
          account: local.estate.accounts.sandbox.id,
          clusters: ['acme-sandbox-v1'],
        },
      ],
    };
    const cases = workloadCases({
      valid,
      outsideAllowlist: outsideAllowlist(),
      otherAccountsCluster: 'acme-production-v1',
    });
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(await rejectEveryCase(workload, cases)).toEqual([]);

    await local.localAws.requestLog.start();
    await run(workload, valid, true);
    const calls = await local.localAws.requestLog.read();
    await local.localAws.requestLog.stop();
    expect(calls.some(c => c.service === 'ecr' || c.service === 'iam')).toBe(
      true,
    );
    expect(calls.filter(c => c.service !== 'sts' && c.mutating)).toEqual([]);
  });
});

describe('permissions, checked against moto request log', () => {
  const deniedInputs = () => ({
    subdomain: {
      domainName: 'denied.example.com',
      account: local.estate.accounts.sandbox.id,
      owner: OWNER,
    },
    backupPlan: {
      account: local.estate.accounts.sandbox.id,
      owner: OWNER,
      region: 'us-east-1',
      planName: 'denied',
      schedule: 'cron(0 2 * * ? *)',
      deleteAfterDays: 35,
    },
    workload: {
      name: 'denied',
      githubRepository: 'acme/denied',
      owner: OWNER,
      stages: [
        {
          name: 'staging',
          account: local.estate.accounts.sandbox.id,
          clusters: ['acme-sandbox-v1'],
        },
      ],
    },
  });

  it.each(['subdomain', 'backupPlan', 'workload'] as const)(
    '%s: a user without the permission gets NotAllowedError and no AWS call is made',
    async which => {
      const action = setUp({ denyAll: true })[which];
      await local.localAws.requestLog.start();
      await expect(run(action, deniedInputs()[which])).rejects.toMatchObject({
        name: 'NotAllowedError',
      });
      expect(await local.localAws.requestLog.read()).toEqual([]);
      await local.localAws.requestLog.stop();
    },
  );

  it.each(['subdomain', 'backupPlan', 'workload'] as const)(
    '%s: a task that names no user changes nothing in AWS (no change goes unattributed)',
    async which => {
      const action = setUp()[which];
      await local.localAws.requestLog.start();
      await expect(
        run(action, deniedInputs()[which], false, null),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      const calls = await local.localAws.requestLog.read();
      await local.localAws.requestLog.stop();
      expect(calls.filter(c => c.service !== 'sts' && c.mutating)).toEqual([]);
    },
  );

  it('an account entity the user cannot read in the catalog is not found, with no AWS call', async () => {
    const { subdomain } = setUp();
    await local.localAws.requestLog.start();
    await expect(
      run(subdomain, {
        domainName: 'hidden.example.com',
        account: `resource:default/production-${local.estate.accounts.production.id}`,
        owner: OWNER,
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'is not an AWS account entity in the catalog',
      ),
    });
    expect(await local.localAws.requestLog.read()).toEqual([]);
    await local.localAws.requestLog.stop();
  });
});

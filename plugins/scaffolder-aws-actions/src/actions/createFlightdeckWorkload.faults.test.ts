import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  GetRoleCommand,
  IAMClient,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import {
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import {
  FaultRule,
  isMutatingOperation,
  useReferenceEstate,
} from '@internal/local-aws';
import {
  countChanges,
  CheckedOutcome,
  commonFaultRow,
  deniedThenDone,
  FaultRow,
  KillPoint,
  MeasuredCells,
  recordActionRow,
  runOnceDenied,
  rulesThatNeverFired,
  runTaskUntilDone,
  startMeasure,
} from './__testUtils__/faultMatrix';
import { workloadInventory } from './__testUtils__/estateInventories';
import { estateClientFactory } from './__testUtils__/estateClientFactory';
import {
  workloadConfig,
  workloadInput,
  workloadOwnerGroup,
} from './__testUtils__/estateActionConfigs';
import { createFlightdeckWorkloadAction } from './createFlightdeckWorkload';

// The fault matrix of aws-platform:flightdeck:workload:create
// (docs/reliability.md): the action on the seeded reference estate, through
// the fault proxy of packages/local-aws, killed right after AWS made each of
// its changes and resumed, and run under each fault until it succeeds.
// Afterwards the repository, the roles and exactly one ALIAS record per host
// must exist. (The action's own emulator test also kills it after and fails
// it before each change at its checkpoints; this one interrupts it on the
// wire, including inside the SDK's retries.) The proxy refuses a Route 53
// CREATE of a record set that exists, as AWS does and moto does not.
jest.setTimeout(120_000);

const SUBJECT = 'Action flightdeck:workload:create';
const MAX_ATTEMPTS = 4;
/** Seed of the fault draws; with it every row below meets its fault. */
const FAULT_SEED = 42;

const local = useReferenceEstate({
  faultProxy: { seed: 2026, emulatorGaps: true },
});

function createAction() {
  return createFlightdeckWorkloadAction({
    config: workloadConfig(local.estate),
    clientFactory: estateClientFactory({ maxAttempts: MAX_ATTEMPTS }),
    catalog: catalogServiceMock({ entities: [workloadOwnerGroup] }),
    permissions: mockServices.permissions(),
  });
}

function workload(name: string): JsonObject {
  return workloadInput(local.estate, name);
}

/** Reads for assertions, through the proxy while it injects nothing. */
async function clients(accountId: string) {
  const factory = estateClientFactory();
  const target = { accountId, region: local.estate.region };
  return {
    iam: await factory.createClient(IAMClient, target),
    ecr: await factory.createClient(ECRClient, target),
    route53: await factory.createClient(Route53Client, target),
  };
}

async function roleExists(iam: IAMClient, name: string): Promise<boolean> {
  try {
    await iam.send(new GetRoleCommand({ RoleName: name }));
    return true;
  } catch (error) {
    if (error instanceof NoSuchEntityException) return false;
    throw error;
  }
}

async function recordCount(
  route53: Route53Client,
  zoneId: string,
  host: string,
) {
  const { ResourceRecordSets = [] } = await route53.send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: zoneId,
      StartRecordName: `${host}.`,
      MaxItems: 100,
    }),
  );
  return ResourceRecordSets.filter(r => r.Name === `${host}.`).length;
}

/** What AWS holds for one workload; `duplicates` counts extra record sets. */
async function stateOf(name: string) {
  const { operations, sandbox, production } = local.estate.accounts;
  const [ops, staging, prod] = await Promise.all([
    clients(operations.id),
    clients(sandbox.id),
    clients(production.id),
  ]);
  const { repositories = [] } = await ops.ecr
    .send(
      new DescribeRepositoriesCommand({ repositoryNames: [`acme/${name}`] }),
    )
    .catch(() => ({ repositories: [] }));
  const roles = await Promise.all([
    roleExists(ops.iam, `github-actions-ecr-${name}`),
    roleExists(staging.iam, `${name}-staging-pods`),
    roleExists(staging.iam, `${name}-staging-deploy`),
    roleExists(prod.iam, `${name}-production-pods`),
    roleExists(prod.iam, `${name}-production-deploy`),
  ]);
  const records = await Promise.all([
    recordCount(
      staging.route53,
      local.estate.zones.sandbox.id,
      `${name}.sandbox.example.com`,
    ),
    recordCount(
      prod.route53,
      local.estate.zones.production.id,
      `${name}.production.example.com`,
    ),
  ]);
  return {
    repositories: repositories.length,
    roles: roles.filter(Boolean).length,
    records,
    duplicates: records.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    found:
      repositories.length +
      roles.filter(Boolean).length +
      records.reduce((a, b) => a + b, 0),
  };
}

/** Runs one task to success and checks AWS holds each resource once. */
async function runChecked(
  name: string,
  options: { kill?: KillPoint; rules?: FaultRule[] } = {},
): Promise<CheckedOutcome> {
  const outcome = await runTaskUntilDone({
    proxy: local.proxy,
    createAction,
    input: workload(name),
    taskId: `task-${name}`,
    seed: FAULT_SEED,
    ...options,
  });
  const state = await stateOf(name);
  expect(state).toMatchObject({
    repositories: 1,
    roles: 5,
    records: [1, 1],
  });
  // Counted on the emulator: copies beyond the first of each name.
  expect(state.duplicates).toBe(0);
  return { ...outcome, duplicates: state.duplicates, found: state.found };
}

function record(
  fault: string,
  outcomes: CheckedOutcome[],
  measured: MeasuredCells,
) {
  recordActionRow({
    subject: SUBJECT,
    unit: 'repositories + roles + records',
    fault,
    outcomes,
    proxy: local.proxy,
    measured,
  });
}

describe('aws-platform:flightdeck:workload:create under faults', () => {
  it('creates nothing twice when killed after each AWS change and resumed', async () => {
    const changes = await countChanges(
      local.proxy,
      () => runChecked('count'),
      isMutatingOperation,
    );
    // ECR repository and its policy, the CI role and its policy, per stage
    // the pod role, the deploy role and its policy, and the ALIAS record.
    expect(changes).toHaveLength(12);

    local.proxy.resetStats();
    const measure = await startMeasure(workloadInventory(local));
    const outcomes = [];
    for (let change = 1; change <= changes.length; change++) {
      const outcome = await runChecked(`kill${change}`, {
        kill: { change, when: 'after' },
      });
      expect(outcome.killed).toBe(true);
      outcomes.push(outcome);
    }
    record(
      `killed after each of its ${changes.length} AWS changes (AWS acted, the answer lost), resumed`,
      outcomes,
      await measure.finish(),
    );
    expect(local.proxy.stats().faults.kill).toBe(outcomes.length);
  });

  it.each<FaultRow>([
    commonFaultRow('throttled', 1),
    commonFaultRow('failing', 1),
    commonFaultRow('lossy', 2),
  ])(
    'creates nothing twice when %s: %s',
    async (label, fault, tasks, rules) => {
      local.proxy.resetStats();
      const measure = await startMeasure(workloadInventory(local));
      const outcomes = [];
      for (let n = 1; n <= tasks; n++) {
        outcomes.push(await runChecked(`${label}${n}`, { rules }));
      }
      record(fault, outcomes, await measure.finish());
      // The seeded draws hit this row's own fault at least once.
      expect(rulesThatNeverFired(local.proxy, rules)).toEqual([]);
    },
  );

  it('completes once a denied account is allowed again', async () => {
    local.proxy.resetStats();
    const measure = await startMeasure(workloadInventory(local));
    const production = local.estate.accounts.production.id;
    const name = 'denied';
    const outcome = await runOnceDenied({
      proxy: local.proxy,
      accountId: production,
      createAction,
      input: workload(name),
      taskId: `task-${name}`,
    });
    expect(String(outcome)).toMatch(/AccessDenied|not authorized/);
    const done = await runChecked(name);
    record(
      'one account denied (Production), then allowed',
      [deniedThenDone(outcome, done)],
      await measure.finish(),
    );
    expect(local.proxy.stats().faults.denied).toBeGreaterThan(0);
  });
});

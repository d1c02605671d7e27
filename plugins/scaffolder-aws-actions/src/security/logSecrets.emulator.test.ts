import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  DefaultAwsClientFactory,
  readAccountRoles,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  createCapturingLogger,
  findSecrets,
  recordCredentials,
  useReferenceEstate,
} from '@internal/local-aws';
import { createBackupPlanAction } from '../actions/createBackupPlan';
import { createDelegatedSubdomainAction } from '../actions/createDelegatedSubdomain';
import { createFlightdeckWorkloadAction } from '../actions/createFlightdeckWorkload';
import { estateActionsConfig } from './estateActionsConfig';

// Runs every action for real against moto (successes, a dry-run, a failure
// half-way and a refusal), keeping everything they log, output or throw, and
// scans it for the credentials the suite used: the main account's keys and
// every assumed role's access key, secret key and session token.
jest.setTimeout(120_000);

const MAIN_ACCESS_KEY = 'AKIAMAINACCOUNTKEY01';
const MAIN_SECRET_KEY = 'main+account/secret+key+for+the+log+scan0';

const local = useReferenceEstate();

it('nothing the actions log, output or throw contains a credential', async () => {
  const seen = new Set<string>([MAIN_ACCESS_KEY, MAIN_SECRET_KEY]);
  const awsConfig = new ConfigReader({
    aws: {
      mainAccount: {
        accessKeyId: MAIN_ACCESS_KEY,
        secretAccessKey: MAIN_SECRET_KEY,
      },
      accountDefaults: { roleName: 'OrganizationAccountAccessRole' },
    },
  });
  const credentialsManager = recordCredentials(
    DefaultAwsCredentialsManager.fromConfig(awsConfig),
    seen,
  );
  // Changes run in sessions named after the user, assumed with these roles.
  const clientFactory = new DefaultAwsClientFactory({
    credentialsManager,
    maxAttempts: 1,
    accountRoles: readAccountRoles(awsConfig),
  });
  const config = estateActionsConfig(local.estate);
  const deps = {
    config,
    clientFactory,
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'logscan-team', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
      ],
    }),
    permissions: mockServices.permissions(),
  };
  const actions = {
    subdomain: createDelegatedSubdomainAction(deps),
    backupPlan: createBackupPlanAction(deps),
    workload: createFlightdeckWorkloadAction(deps),
  };
  const { logger, lines } = createCapturingLogger();

  const run = async (
    which: keyof typeof actions,
    input: JsonObject,
    isDryRun = false,
  ) => {
    const ctx = Object.assign(
      createMockActionContext({
        input,
        logger: logger.child({ action: which }) as any,
        task: { id: `task-${which}-${lines.length}` } as any,
        // Changes run in a session named after the user who asked.
        user: { ref: 'user:default/logscan' },
      }),
      { isDryRun },
    );
    try {
      await (actions[which].handler as (c: unknown) => Promise<void>)(ctx);
    } catch (error) {
      lines.push(
        JSON.stringify({
          thrown: String(error),
          stack: (error as Error).stack,
        }),
      );
    }
    lines.push(
      JSON.stringify({ outputs: (ctx.output as jest.Mock).mock.calls }),
    );
  };

  const sandbox = local.estate.accounts.sandbox.id;
  const subdomain = {
    domainName: 'logscan.example.com',
    account: sandbox,
    owner: 'group:default/logscan-team',
  };
  await run('subdomain', subdomain, true);
  await run('subdomain', subdomain);
  await run('subdomain', subdomain);
  await run('subdomain', { ...subdomain, domainName: 'logscan.evil.com' });
  // moto has no CreateBackupSelection: the plan is created, then the run
  // fails half-way and reports what exists.
  await run('backupPlan', {
    account: sandbox,
    owner: 'group:default/logscan-team',
    region: 'us-east-1',
    planName: 'logscan',
    schedule: 'cron(0 2 * * ? *)',
    deleteAfterDays: 35,
  });

  const workload = {
    name: 'logscan',
    githubRepository: 'acme/logscan',
    owner: 'group:default/logscan-team',
    stages: [
      { name: 'staging', account: sandbox, clusters: ['acme-sandbox-v1'] },
    ],
  };
  await run('workload', workload, true);
  await run('workload', workload);
  await run('workload', workload);

  // The runs did use assumed-role credentials, so the scan has values to find.
  expect(seen.size).toBeGreaterThanOrEqual(5);
  expect(lines.length).toBeGreaterThan(10);
  // Only the refused subdomain and the half-done backup plan failed.
  expect(lines.filter(line => line.startsWith('{"thrown"'))).toHaveLength(2);
  expect(findSecrets(lines, seen)).toEqual([]);
});

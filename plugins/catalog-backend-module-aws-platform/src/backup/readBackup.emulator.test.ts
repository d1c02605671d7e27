import { BackupClient } from '@aws-sdk/client-backup';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  LocalAws,
  ReferenceEstate,
  startReferenceEstate,
} from '@internal/local-aws';
import { MappingContext } from '../resources/mappingContext';
import { backupToEntities } from './backupEntities';
import { readBackup } from './readBackup';
import { BackupScope } from './types';

// Reads AWS Backup from moto's server seeded with the guide's reference
// estate (packages/local-aws), through the suite's client factory: member
// accounts are reached by assuming OrganizationAccountAccessRole.
jest.setTimeout(60_000);

let localAws: LocalAws;
let estate: ReferenceEstate;
let clientFactory: DefaultAwsClientFactory;
const savedEnv = { ...process.env };

beforeAll(async () => {
  ({ localAws, estate } = await startReferenceEstate());
  Object.assign(process.env, localAws.env);
  clientFactory = DefaultAwsClientFactory.fromConfig(
    new ConfigReader({
      aws: { accountDefaults: { roleName: 'OrganizationAccountAccessRole' } },
      // moto answers ListBackupSelections with a 500: fail it at once.
      awsPlatform: { aws: { maxAttempts: 1 } },
    }),
  );
});

afterAll(async () => {
  process.env = savedEnv;
  await localAws?.stop();
});

async function backupClient(
  accountId: string,
  region: string,
): Promise<BackupClient> {
  const client = await clientFactory.createClient(BackupClient, {
    accountId,
    region,
  });
  // moto only finds the tags of `/tags/<arn>/`, which the JS SDK sends
  // without the trailing slash (docs/local-aws-emulator notes, snippet D).
  client.middlewareStack.add(
    (next, context) => async args => {
      const request = args.request as { path?: string };
      if (
        context.commandName === 'ListTagsCommand' &&
        request.path &&
        !request.path.endsWith('/')
      ) {
        request.path += '/';
      }
      return next(args);
    },
    { step: 'build', name: 'motoBackupListTagsSlash' },
  );
  return client;
}

async function read(accountId: string, region: string): Promise<BackupScope> {
  const client = await backupClient(accountId, region);
  return {
    accountId,
    region,
    ...(await readBackup(client, { accountId, region })),
  };
}

describe('readBackup on the reference estate', () => {
  it('reads the vaults and the production plan, and maps them', async () => {
    const { production, sandbox, backup } = estate.accounts;
    const region = estate.region;
    const secondary = estate.vaults.find(
      v => v.accountId === backup.id && v.region !== region,
    )!.region;

    const scopes = [
      await read(production.id, region),
      await read(sandbox.id, region),
      await read(backup.id, region),
      await read(backup.id, secondary),
    ];
    const [productionScope, sandboxScope] = scopes;

    expect(scopes.map(s => s.vaults.map(v => v.arn))).toEqual([
      [
        `arn:aws:backup:${region}:${production.id}:backup-vault:user-backup-vault`,
      ],
      [`arn:aws:backup:${region}:${sandbox.id}:backup-vault:user-backup-vault`],
      [`arn:aws:backup:${region}:${backup.id}:backup-vault:user-backup-vault`],
      [
        `arn:aws:backup:${secondary}:${backup.id}:backup-vault:user-backup-vault`,
      ],
    ]);
    expect(productionScope.vaults[0].tags).toEqual({ owner: 'platform-team' });
    // The deliberate imperfection: a vault but no plan.
    expect(sandboxScope.plans).toEqual([]);

    const seeded = estate.plans[0];
    expect(productionScope.plans).toEqual([
      {
        id: seeded.id,
        arn: seeded.arn,
        name: 'production-backup-plan',
        versionId: expect.any(String),
        region,
        accountId: production.id,
        rules: [
          {
            name: 'production-backup-rule',
            targetVaultName: 'user-backup-vault',
            schedule: 'cron(0 2 * * ? *)',
            scheduleTimezone: 'Etc/UTC',
            startWindowMinutes: 60,
            completionWindowMinutes: 360,
            lifecycle: { coldAfterDays: 90, deleteAfterDays: 270 },
            copyActions: [
              {
                destinationVaultArn: seeded.copyTo[0],
                lifecycle: { coldAfterDays: 90, deleteAfterDays: 270 },
              },
            ],
          },
        ],
        // moto does not implement ListBackupSelections: its HTML 500 page
        // is read as "not served", so the selections are unknown.
        selectionsUnread: {
          errorName: 'SyntaxError',
          httpStatus: 500,
          message: expect.any(String),
        },
        tags: { owner: 'platform-team' },
      },
    ]);

    const account = (id: string, name: string) => ({
      id,
      name,
      role: 'production' as const,
      entityRef: `resource:default/account-${id}`,
      owner: 'group:default/app-developers',
    });
    const ctx: MappingContext = {
      locationRef: `aws-platform:organization/${estate.organizationId}`,
      organizationId: estate.organizationId,
      ownerTagKey: 'owner',
      accounts: new Map([
        [production.id, account(production.id, 'Production')],
        [sandbox.id, account(sandbox.id, 'Sandbox')],
        [backup.id, account(backup.id, 'Backup')],
      ]),
    };
    const entities = backupToEntities(scopes, ctx);
    const vaultRefs = entities
      .filter(e => e.spec?.type === 'aws-backup-vault')
      .map(e => stringifyEntityRef(e));
    const plan = entities.find(e => e.spec?.type === 'aws-backup-plan')!;
    expect(plan.spec?.owner).toBe('group:default/platform-team');
    expect(plan.spec?.dependsOn).toEqual([vaultRefs[0], vaultRefs[2]]);
  });

  it('reads one plan by id, as an event names it, and nothing for a deleted one', async () => {
    const { production } = estate.accounts;
    const seeded = estate.plans[0];
    const client = await backupClient(production.id, estate.region);
    const target = { accountId: production.id, region: estate.region };

    const named = await readBackup(client, target, {
      plans: [seeded.id, '00000000-0000-0000-0000-000000000000'],
    });

    expect(named.vaults).toEqual([]);
    const full = await readBackup(client, target);
    expect(named.plans).toEqual(full.plans.filter(p => p.id === seeded.id));
  });
});

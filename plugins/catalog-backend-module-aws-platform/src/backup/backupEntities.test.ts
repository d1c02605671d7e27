import {
  Entity,
  FieldFormatEntityPolicy,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  BACKUP,
  backupScopes,
  mappingContext,
  PRODUCTION,
  productionPlan,
  SANDBOX,
  vault,
  VAULT_NAME,
} from './__fixtures__/backupEstate';
import { backupToEntities } from './backupEntities';

const refOf = (entity: Entity) => stringifyEntityRef(entity);

function byName(entities: Entity[], name: string): Entity {
  const entity = entities.find(e => e.metadata.name === name);
  if (!entity) throw new Error(`no entity ${name}`);
  return entity;
}

function ofType(entities: Entity[], type: string): Entity[] {
  return entities.filter(e => e.spec?.type === type);
}

describe('backupToEntities', () => {
  const entities = backupToEntities(backupScopes, mappingContext);
  const vaults = ofType(entities, 'aws-backup-vault');
  const plans = ofType(entities, 'aws-backup-plan');

  it('emits one valid, uniquely named Resource per vault and plan', async () => {
    expect(vaults).toHaveLength(4);
    expect(plans).toHaveLength(1);
    expect(entities).toHaveLength(5);
    for (const entity of entities) {
      await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
    }
    expect(new Set(entities.map(e => e.metadata.name)).size).toBe(5);
    expect(vaults.map(e => e.metadata.name).sort()).toEqual([
      `user-backup-vault-${SANDBOX}-us-east-1`,
      `user-backup-vault-${BACKUP}-us-east-1`,
      `user-backup-vault-${BACKUP}-us-west-2`,
      `user-backup-vault-${PRODUCTION}-us-east-1`,
    ]);
  });

  it('maps a vault with its owner tag, account, region and scope', () => {
    const entity = byName(vaults, `user-backup-vault-${BACKUP}-us-west-2`);
    expect(entity.metadata.title).toBe('user-backup-vault (Backup, us-west-2)');
    expect(entity.spec).toEqual({
      type: 'aws-backup-vault',
      owner: 'group:default/platform-team',
      partOf: `resource:default/account-${BACKUP}`,
      vault: {
        name: VAULT_NAME,
        region: 'us-west-2',
        vaultType: 'BACKUP_VAULT',
        locked: false,
        recoveryPoints: 12,
        encryptionKeyArn: `arn:aws:kms:us-west-2:${BACKUP}:key/0b6a4c5e-2f1d-4e0a-9a57-3c1f2b9d8e7a`,
        createdAt: '2024-11-22T10:00:00.000Z',
      },
    });
    expect(entity.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': mappingContext.locationRef,
      'backstage.io/managed-by-origin-location': mappingContext.locationRef,
      'amazonaws.com/organization-id': 'o-hbrpoig8f1',
      'amazonaws.com/account-id': BACKUP,
      'amazonaws.com/arn': `arn:aws:backup:us-west-2:${BACKUP}:backup-vault:${VAULT_NAME}`,
      'aws-platform-suite.github.io/ingestion-scope': `backup:${BACKUP}:us-west-2`,
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/region': 'us-west-2',
    });
    expect(entity.metadata.links?.[0].url).toBe(
      'https://us-west-2.console.aws.amazon.com/backup/home?region=us-west-2#/backupvaults/details/user-backup-vault',
    );
  });

  it('gives an untagged vault the owner of its account', () => {
    const [entity] = backupToEntities(
      [
        {
          accountId: SANDBOX,
          region: 'us-east-1',
          vaults: [vault(SANDBOX, 'us-east-1', {})],
          plans: [],
        },
      ],
      mappingContext,
    );
    expect(entity.spec?.owner).toBe('group:default/app-developers');
    expect(
      entity.metadata.annotations?.[
        'aws-platform-suite.github.io/owner-source'
      ],
    ).toBe('account');
  });

  it('maps the plan with its rules, selections and the vaults it writes to', () => {
    const [plan] = plans;
    expect(plan.metadata.name).toMatch(
      new RegExp(`^backup-plan-[0-9a-f]{8}-${PRODUCTION}-us-east-1$`),
    );
    const production = byName(
      vaults,
      `user-backup-vault-${PRODUCTION}-us-east-1`,
    );
    const central = byName(vaults, `user-backup-vault-${BACKUP}-us-east-1`);
    expect(plan.spec).toEqual({
      type: 'aws-backup-plan',
      owner: 'group:default/platform-team',
      partOf: `resource:default/account-${PRODUCTION}`,
      dependsOn: [refOf(production), refOf(central)],
      plan: {
        id: productionPlan.id,
        name: 'production-backup-plan',
        versionId: productionPlan.versionId,
        region: 'us-east-1',
        rules: [
          {
            name: 'production-backup-rule',
            targetVaultName: VAULT_NAME,
            schedule: 'cron(0 2 * * ? *)',
            scheduleTimezone: 'Etc/UTC',
            startWindowMinutes: 60,
            completionWindowMinutes: 360,
            lifecycle: { coldAfterDays: 90, deleteAfterDays: 270 },
            copyActions: [
              {
                destinationVaultArn: central.metadata.annotations?.[
                  'amazonaws.com/arn'
                ] as string,
                lifecycle: { coldAfterDays: 90, deleteAfterDays: 270 },
              },
            ],
          },
        ],
        copiesToAccounts: [BACKUP],
        selections: [
          {
            name: 'Backup',
            iamRoleArn: `arn:aws:iam::${PRODUCTION}:role/backup-selection-role`,
            tagConditions: [{ key: 'Backup', value: 'true' }],
            resources: [],
          },
        ],
      },
    });
    expect(plan.metadata.annotations).toMatchObject({
      'amazonaws.com/arn': productionPlan.arn,
      'aws-platform-suite.github.io/ingestion-scope': `backup:${PRODUCTION}:us-east-1`,
      'aws-platform-suite.github.io/region': 'us-east-1',
    });
    expect(plan.metadata.links?.[0].url).toBe(
      `https://us-east-1.console.aws.amazon.com/backup/home?region=us-east-1#/backupplan/details/${productionPlan.id}`,
    );
  });

  it('points cross-region copies at the vault entities read in other scopes', () => {
    const rule = productionPlan.rules[0];
    const [, plan] = backupToEntities(
      [
        {
          accountId: PRODUCTION,
          region: 'us-east-1',
          vaults: [vault(PRODUCTION, 'us-east-1')],
          plans: [
            {
              ...productionPlan,
              // The guide's full rule: the same account's secondary region,
              // and the Backup account's vault in another region.
              rules: [
                {
                  ...rule,
                  copyActions: [
                    {
                      destinationVaultArn: `arn:aws:backup:us-west-2:${PRODUCTION}:backup-vault:${VAULT_NAME}`,
                    },
                    {
                      destinationVaultArn: `arn:aws:backup:us-west-2:${BACKUP}:backup-vault:${VAULT_NAME}`,
                    },
                  ],
                },
              ],
              selections: undefined,
            },
          ],
        },
      ],
      mappingContext,
    );
    const centralWest = byName(vaults, `user-backup-vault-${BACKUP}-us-west-2`);
    expect(plan.spec?.dependsOn).toEqual([
      `resource:default/user-backup-vault-${PRODUCTION}-us-east-1`,
      `resource:default/user-backup-vault-${PRODUCTION}-us-west-2`,
      refOf(centralWest),
    ]);
    const details = plan.spec?.plan as Record<string, unknown>;
    expect(details.copiesToAccounts).toEqual([BACKUP]);
    // Unreadable selections are left out (unknown), not emitted as none.
    expect(details).not.toHaveProperty('selections');
  });

  it('skips scopes of accounts the organization did not list', () => {
    expect(
      backupToEntities(
        [
          {
            accountId: '999999999999',
            region: 'us-east-1',
            vaults: [vault('999999999999', 'us-east-1')],
            plans: [],
          },
        ],
        mappingContext,
      ),
    ).toEqual([]);
  });

  it('names a plan by its id, so renaming the plan keeps its ref', () => {
    const renamed = backupToEntities(
      [
        {
          accountId: PRODUCTION,
          region: 'us-east-1',
          vaults: [],
          plans: [{ ...productionPlan, name: 'production-nightly' }],
        },
      ],
      mappingContext,
    );
    expect(renamed[0].metadata.name).toBe(plans[0].metadata.name);
    expect(renamed[0].metadata.title).toBe(
      'production-nightly (Production, us-east-1)',
    );
  });

  it('keeps vaults and plans whose names differ only in case, or are equal, apart', async () => {
    const names = ['nightly', 'Nightly', 'night_ly', 'night-ly'];
    const result = backupToEntities(
      [
        {
          accountId: PRODUCTION,
          region: 'us-east-1',
          vaults: names.map(name => ({
            ...vault(PRODUCTION, 'us-east-1'),
            name,
          })),
          plans: names.map((name, i) => ({
            ...productionPlan,
            id: `${productionPlan.id.slice(0, -1)}${i}`,
            name,
          })),
        },
      ],
      mappingContext,
    );
    expect(new Set(result.map(e => e.metadata.name)).size).toBe(8);
    const policy = new FieldFormatEntityPolicy();
    for (const entity of result) {
      await expect(policy.enforce(entity)).resolves.toBe(entity);
    }
  });
});

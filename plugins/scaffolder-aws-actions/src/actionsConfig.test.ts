import { ConfigReader } from '@backstage/config';
import { readActionsConfig } from './actionsConfig';

const accounts = [{ accountId: '210987654321', name: 'Sandbox' }];

describe('readActionsConfig', () => {
  it('reads accounts and leaves unconfigured features out', () => {
    expect(
      readActionsConfig(
        new ConfigReader({ scaffolder: { awsPlatform: { accounts } } }),
      ),
    ).toEqual({
      accounts: [
        { accountId: '210987654321', name: 'Sandbox', production: false },
      ],
      route53: undefined,
      backup: undefined,
    });
  });

  it('reads the backup section with the guide defaults', () => {
    const config = readActionsConfig(
      new ConfigReader({
        scaffolder: {
          awsPlatform: {
            accounts,
            backup: { backupAccountId: '499091334123' },
          },
        },
      }),
    );
    expect(config.backup).toEqual({
      backupAccountId: '499091334123',
      vaultName: 'user-backup-vault',
      selectionRoleName: 'backup-selection-role',
      allowedRegions: undefined,
    });
  });

  it('reads every backup setting', () => {
    const config = readActionsConfig(
      new ConfigReader({
        scaffolder: {
          awsPlatform: {
            accounts,
            backup: {
              backupAccountId: '499091334123',
              vaultName: 'org-vault',
              selectionRoleName: 'org-backup-role',
              allowedRegions: ['us-east-1', 'us-west-2'],
            },
          },
        },
      }),
    );
    expect(config.backup).toEqual({
      backupAccountId: '499091334123',
      vaultName: 'org-vault',
      selectionRoleName: 'org-backup-role',
      allowedRegions: ['us-east-1', 'us-west-2'],
    });
  });

  it.each([
    [{ backupAccountId: '4990913341' }, 'backup.backupAccountId'],
    [
      {},
      "Missing required config value at 'scaffolder.awsPlatform.backup.backupAccountId'",
    ],
    [
      { backupAccountId: '499091334123', vaultName: 'my vault' },
      'backup.vaultName',
    ],
    [
      { backupAccountId: '499091334123', selectionRoleName: 'a/b' },
      'backup.selectionRoleName',
    ],
    [
      { backupAccountId: '499091334123', allowedRegions: ['us-east'] },
      'backup.allowedRegions',
    ],
  ])('refuses the backup section %j', (backup, message) => {
    expect(() =>
      readActionsConfig(
        new ConfigReader({ scaffolder: { awsPlatform: { accounts, backup } } }),
      ),
    ).toThrow(message);
  });

  it('reads reserved subdomain labels, lowercased, and refuses what is not a label', () => {
    const route53 = (reservedSubdomains?: string[]) =>
      new ConfigReader({
        scaffolder: {
          awsPlatform: {
            accounts,
            route53: {
              networkAccountId: '110987654321',
              parentZones: ['example.com'],
              ...(reservedSubdomains && { reservedSubdomains }),
            },
          },
        },
      });
    expect(readActionsConfig(route53()).route53?.reservedSubdomains).toBe(
      undefined,
    );
    expect(
      readActionsConfig(route53(['WWW', 'status'])).route53?.reservedSubdomains,
    ).toEqual(['www', 'status']);
    expect(() => readActionsConfig(route53(['*.api']))).toThrow(
      "route53.reservedSubdomains: '*.api' is not a DNS label",
    );
  });
});

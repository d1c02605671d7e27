import {
  BACKUP,
  PRODUCTION,
  productionPlan,
  SANDBOX,
  VAULT_NAME,
} from './__fixtures__/backupEstate';
import { backupCoverage } from './backupCoverage';
import { PlanRecord } from './types';

function copyingTo(...destinations: string[]): PlanRecord {
  return {
    ...productionPlan,
    rules: [
      {
        ...productionPlan.rules[0],
        copyActions: destinations.map(destinationVaultArn => ({
          destinationVaultArn,
        })),
      },
    ],
  };
}

const vaultArn = (region: string, accountId: string) =>
  `arn:aws:backup:${region}:${accountId}:backup-vault:${VAULT_NAME}`;

describe('backupCoverage', () => {
  it('is covered when a plan copies into the Backup account', () => {
    expect(backupCoverage(PRODUCTION, [productionPlan], [BACKUP])).toBe(
      'covered',
    );
  });

  it('still counts a copy into the Backup account in another region', () => {
    const plan = copyingTo(vaultArn('us-west-2', BACKUP));
    expect(backupCoverage(PRODUCTION, [plan], [BACKUP])).toBe('covered');
  });

  it('is no-copy when the plans only copy within the account or elsewhere', () => {
    const plans = [
      copyingTo(vaultArn('us-west-2', PRODUCTION)),
      copyingTo(vaultArn('us-east-1', SANDBOX), 'not-an-arn'),
      copyingTo(),
    ];
    expect(backupCoverage(PRODUCTION, plans, [BACKUP])).toBe('no-copy');
    // Without a known Backup account, nothing can count as covered.
    expect(backupCoverage(PRODUCTION, [productionPlan], [])).toBe('no-copy');
  });

  it("is no-plan when only other accounts' plans copy to Backup", () => {
    expect(backupCoverage(SANDBOX, [productionPlan], [BACKUP])).toBe('no-plan');
    expect(backupCoverage(SANDBOX, [], [BACKUP])).toBe('no-plan');
  });
});

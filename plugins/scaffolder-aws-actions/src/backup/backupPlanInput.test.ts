import { InputError } from '@backstage/errors';
import { checkTargetAccount, validateBackupPlanInput } from './backupPlanInput';

const minimal = {
  region: 'us-east-1',
  planName: 'payments-daily',
  schedule: 'cron(0 2 * * ? *)',
  deleteAfterDays: 35,
};

describe('validateBackupPlanInput', () => {
  it("applies the guide's defaults", () => {
    expect(validateBackupPlanInput(minimal, undefined)).toEqual({
      ...minimal,
      startWindowMinutes: 60,
      completionWindowMinutes: 360,
      coldStorageAfterDays: undefined,
      copyToBackupAccount: true,
      secondaryRegion: undefined,
      selectionTagKey: 'Backup',
      selectionTagValue: 'true',
      tags: {},
    });
  });

  it("keeps the user's own tags", () => {
    const tags = { 'cost-center': 'cc-42', team: '' };
    expect(
      validateBackupPlanInput({ ...minimal, tags }, undefined).tags,
    ).toEqual(tags);
  });

  it.each([
    ['owner'],
    ['OWNER'],
    ['aws-platform-suite.github.io/managed-by'],
    ['aws-platform-suite.github.io/lineage'],
    ['Aws-Platform.IO/anything'],
  ])('refuses a user tag %s: the suite sets it', key => {
    expect(() =>
      validateBackupPlanInput({ ...minimal, tags: { [key]: 'x' } }, undefined),
    ).toThrow(
      new InputError(
        `tags may not set '${key}': owner comes from the owner field, and aws-platform-suite.github.io/ and aws: keys are not the template's to set`,
      ),
    );
  });

  it.each([
    [{ 'aws:created': 'x' }, "tags may not set 'aws:created'"],
    [{ 'a\u2028b': 'x' }, 'is not a valid AWS tag key'],
    [{ team: 'a\nb' }, 'is not a valid AWS tag value'],
    [
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
      'At most 10 tags',
    ],
    [['owner'], 'tags must be an object'],
  ])('refuses tags %j', (tags, reason) => {
    expect(() =>
      validateBackupPlanInput({ ...minimal, tags }, undefined),
    ).toThrow(reason);
  });

  it('refuses a region outside the allowed ones, and a second region equal to the first', () => {
    expect(() => validateBackupPlanInput(minimal, ['us-west-2'])).toThrow(
      'region us-east-1 is not one backup plans may use',
    );
    expect(() =>
      validateBackupPlanInput(
        { ...minimal, secondaryRegion: 'us-east-1' },
        undefined,
      ),
    ).toThrow('secondaryRegion must differ from region');
  });
});

describe('checkTargetAccount', () => {
  const backup = {
    backupAccountId: '410987654321',
    vaultName: 'user-backup-vault',
    selectionRoleName: 'backup-selection-role',
  };
  const backupAccount = {
    accountId: '410987654321',
    name: 'Backup',
    production: false,
  };

  it('refuses a plan in the Backup account that copies into it', () => {
    const input = validateBackupPlanInput(minimal, undefined);
    expect(() => checkTargetAccount(input, backupAccount, backup)).toThrow(
      'is the Backup account',
    );
    expect(() =>
      checkTargetAccount(
        { ...input, copyToBackupAccount: false },
        backupAccount,
        backup,
      ),
    ).not.toThrow();
  });
});

import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  parseVaultArn,
  planEntityName,
  vaultEntityName,
  vaultRefFromArn,
} from './entityNames';

describe('backup entity names', () => {
  it('reads a vault ref straight from its ARN, in any partition', () => {
    expect(
      vaultRefFromArn(
        'arn:aws:backup:us-west-2:499091334123:backup-vault:user-backup-vault',
      ),
    ).toBe('resource:default/user-backup-vault-499091334123-us-west-2');
    expect(
      parseVaultArn(
        'arn:aws-us-gov:backup:us-gov-west-1:499091334123:backup-vault:Vault_1',
      ),
    ).toEqual({
      region: 'us-gov-west-1',
      accountId: '499091334123',
      name: 'Vault_1',
    });
  });

  it('refuses ARNs of anything but a vault', () => {
    for (const arn of [
      'arn:aws:backup:us-east-1:715451680876:backup-plan:980f963f',
      'arn:aws:s3:::user-backup-vault',
      'user-backup-vault',
    ]) {
      expect(vaultRefFromArn(arn)).toBeUndefined();
    }
  });

  it('keeps plain vault names readable and distinguishes names the slug would merge', () => {
    expect(
      planEntityName(
        '980f963f-e889-40d6-b7cf-e3f491af5982',
        '715451680876',
        'ap-southeast-2',
      ),
    ).toMatch(/^backup-plan-[0-9a-f]{8}-715451680876-ap-southeast-2$/);
    const names = [
      'my-vault',
      'My_Vault',
      'my_vault',
      `${'a'.repeat(40)}-one`,
      `${'a'.repeat(40)}-two`,
    ].map(name => vaultEntityName(name, '715451680876', 'ap-southeast-2'));
    expect(names[0]).toBe('my-vault-715451680876-ap-southeast-2');
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
      expect(name.endsWith('-715451680876-ap-southeast-2')).toBe(true);
    }
  });
});

import {
  isAwsAccountEntity,
  isAwsEntity,
  isBackupEntity,
  isDnsZoneEntity,
  isEksClusterEntity,
} from './predicates';

const account = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'production-210987654321',
    annotations: { 'amazonaws.com/account-id': '210987654321' },
  },
  spec: { type: 'aws-account', owner: 'group:default/platform-team' },
};

describe('predicates', () => {
  it('recognises account entities by kind and type', () => {
    expect(isAwsAccountEntity(account)).toBe(true);
    expect(isAwsAccountEntity({ ...account, kind: 'Component' })).toBe(false);
    expect(isAwsAccountEntity({ ...account, spec: { type: 'dns-zone' } })).toBe(
      false,
    );
  });

  it('recognises anything that carries an account id', () => {
    expect(isAwsEntity(account)).toBe(true);
    expect(isAwsEntity({ ...account, metadata: { name: 'x' } })).toBe(false);
  });
});

describe('resource predicates', () => {
  const of = (type: string) => ({
    ...account,
    spec: { ...account.spec, type },
  });

  it('tell zones, clusters and backups apart', () => {
    expect(isDnsZoneEntity(of('dns-zone'))).toBe(true);
    expect(isEksClusterEntity(of('kubernetes-cluster'))).toBe(true);
    expect(isBackupEntity(of('aws-backup-vault'))).toBe(true);
    expect(isBackupEntity(of('aws-backup-plan'))).toBe(true);
    expect(isDnsZoneEntity(of('aws-account'))).toBe(false);
    expect(isBackupEntity(of('dns-zone'))).toBe(false);
  });

  it('leave clusters of other sources to their plugins', () => {
    const foreign = {
      ...of('kubernetes-cluster'),
      metadata: { name: 'on-prem' },
    };
    expect(isEksClusterEntity(foreign)).toBe(false);
  });
});

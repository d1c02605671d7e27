import { isAwsAccountEntity, isAwsEntity } from './predicates';

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

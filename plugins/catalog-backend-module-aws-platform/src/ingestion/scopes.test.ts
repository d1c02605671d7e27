import { listScopes, regionalScopePrefixes } from './scopes';

describe('listScopes', () => {
  it('reads Route 53 once per account and regional services per region', () => {
    expect(
      listScopes(
        [
          { accountId: '111111111111', regions: ['us-east-1', 'eu-west-1'] },
          { accountId: '222222222222', regions: ['us-east-1', 'eu-west-1'] },
        ],
        ['route53', 'eks'],
      ).map(s => s.key),
    ).toEqual([
      'route53:111111111111',
      'eks:111111111111:us-east-1',
      'eks:111111111111:eu-west-1',
      'route53:222222222222',
      'eks:222222222222:us-east-1',
      'eks:222222222222:eu-west-1',
    ]);
  });

  it('uses the same keys as the entities carry', () => {
    const [scope] = listScopes(
      [{ accountId: '111111111111', regions: ['us-east-1'] }],
      ['backup'],
    );
    expect(scope).toEqual({
      key: 'backup:111111111111:us-east-1',
      service: 'backup',
      accountId: '111111111111',
      region: 'us-east-1',
    });
  });

  it('reads each account in the regions discovered for it', () => {
    expect(
      listScopes(
        [
          { accountId: '111111111111', regions: ['us-east-1'] },
          {
            accountId: '222222222222',
            regions: ['ap-southeast-2', 'us-east-1'],
          },
        ],
        ['eks', 'backup'],
      ).map(s => s.key),
    ).toEqual([
      'eks:111111111111:us-east-1',
      'backup:111111111111:us-east-1',
      'eks:222222222222:ap-southeast-2',
      'eks:222222222222:us-east-1',
      'backup:222222222222:ap-southeast-2',
      'backup:222222222222:us-east-1',
    ]);
  });

  it('reads only Route 53 of an account whose regions are unknown', () => {
    expect(
      listScopes(
        [{ accountId: '111111111111', regions: [] }],
        ['route53', 'eks', 'backup'],
      ).map(s => s.key),
    ).toEqual(['route53:111111111111']);
  });
});

describe('regionalScopePrefixes', () => {
  it('covers the regional scopes of the account in any region, and only those', () => {
    const prefixes = regionalScopePrefixes('111111111111', [
      'route53',
      'eks',
      'backup',
    ]);
    expect(prefixes).toEqual(['eks:111111111111:', 'backup:111111111111:']);
    const covered = (key: string) => prefixes.some(p => key.startsWith(p));
    expect(covered('eks:111111111111:sa-east-1')).toBe(true);
    expect(covered('backup:111111111111:eu-west-1')).toBe(true);
    expect(covered('route53:111111111111')).toBe(false);
    expect(covered('eks:1111111111112:us-east-1')).toBe(false);
  });

  it('leaves out ECR, whose scopes emit no entities to keep', () => {
    expect(
      regionalScopePrefixes('111111111111', ['route53', 'eks', 'ecr']),
    ).toEqual(['eks:111111111111:']);
  });
});

describe('listScopes with ECR', () => {
  it('reads ECR in every region of the account, like EKS and Backup', () => {
    expect(
      listScopes(
        [{ accountId: '111111111111', regions: ['us-east-1', 'eu-west-1'] }],
        ['route53', 'ecr'],
      ).map(s => s.key),
    ).toEqual([
      'route53:111111111111',
      'ecr:111111111111:us-east-1',
      'ecr:111111111111:eu-west-1',
    ]);
  });
});

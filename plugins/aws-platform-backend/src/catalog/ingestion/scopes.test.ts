import { listScopes } from './scopes';

describe('listScopes', () => {
  it('reads Route 53 once per account and regional services per region', () => {
    expect(
      listScopes(
        ['111111111111', '222222222222'],
        ['us-east-1', 'eu-west-1'],
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
    const [scope] = listScopes(['111111111111'], ['us-east-1'], ['backup']);
    expect(scope).toEqual({
      key: 'backup:111111111111:us-east-1',
      service: 'backup',
      accountId: '111111111111',
      region: 'us-east-1',
    });
  });
});

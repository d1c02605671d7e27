import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readIdentityCenterConfig } from './identityCenterConfig';

const read = (data: object | undefined) =>
  readIdentityCenterConfig(
    data && new ConfigReader(data),
    'catalog.providers.awsPlatform',
  );

describe('readIdentityCenterConfig', () => {
  it('is off unless enabled', () => {
    expect(read(undefined)).toBeUndefined();
    expect(read({ enabled: false, region: 'eu-west-1' })).toBeUndefined();
  });

  it('reads region, instance and account', () => {
    expect(read({ enabled: true })).toEqual({ region: 'us-east-1' });
    expect(
      read({
        enabled: true,
        region: 'eu-west-1',
        instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
        accountId: '111111111111',
      }),
    ).toEqual({
      region: 'eu-west-1',
      instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
      accountId: '111111111111',
    });
  });

  it('refuses an account id or instance ARN that cannot be one', () => {
    expect(() => read({ enabled: true, accountId: '1234' })).toThrow(
      InputError,
    );
    expect(() =>
      read({ enabled: true, instanceArn: 'arn:aws:iam::1:role/x' }),
    ).toThrow(/identityCenter.instanceArn/);
  });
});

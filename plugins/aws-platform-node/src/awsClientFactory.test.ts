import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockServices } from '@backstage/backend-test-utils';
import { DefaultAwsClientFactory } from './awsClientFactory';

describe('DefaultAwsClientFactory', () => {
  const sdkCredentialProvider = async () => ({
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'secret',
  });

  it('asks integration-aws-node for the target account and builds an adaptive, rate-limited client', async () => {
    const getCredentialProvider = jest.fn(async () => ({
      accountId: '210987654321',
      sdkCredentialProvider,
    }));
    const factory = new DefaultAwsClientFactory({
      credentialsManager: { getCredentialProvider },
    });

    const client = await factory.createClient(OrganizationsClient, {
      accountId: '210987654321',
      region: 'us-east-1',
    });

    expect(getCredentialProvider).toHaveBeenCalledWith({
      accountId: '210987654321',
    });
    await expect(client.config.region()).resolves.toBe('us-east-1');
    await expect(client.config.retryStrategy()).resolves.toMatchObject({
      mode: 'adaptive',
    });
    expect(client.middlewareStack.identify()).toContainEqual(
      expect.stringContaining('awsPlatformRateLimit'),
    );
  });

  it('uses the main account when no account is given', async () => {
    const getCredentialProvider = jest.fn(async () => ({
      sdkCredentialProvider,
    }));
    const factory = new DefaultAwsClientFactory({
      credentialsManager: { getCredentialProvider },
    });
    await factory.createClient(OrganizationsClient, { region: 'us-east-1' });
    expect(getCredentialProvider).toHaveBeenCalledWith(undefined);
  });

  it('reads attempts and rate limits from config', async () => {
    const factory = DefaultAwsClientFactory.fromConfig(
      mockServices.rootConfig({
        data: {
          awsPlatform: {
            aws: {
              maxAttempts: 2,
              rateLimits: { Organizations: { ratePerSecond: 1 } },
            },
          },
        },
      }),
    );
    expect(factory).toBeInstanceOf(DefaultAwsClientFactory);
  });

  it('shares one credential request among the clients of an account', async () => {
    const assumeRole = jest.fn(async () => ({
      accessKeyId: 'ASIA1',
      secretAccessKey: 'secret',
      expiration: new Date(Date.now() + 3_600_000),
    }));
    const factory = new DefaultAwsClientFactory({
      credentialsManager: {
        getCredentialProvider: async () => ({
          accountId: '210987654321',
          sdkCredentialProvider: assumeRole,
        }),
      },
    });
    const clients = await Promise.all(
      ['us-east-1', 'eu-west-1', 'us-west-2'].map(region =>
        factory.createClient(OrganizationsClient, {
          accountId: '210987654321',
          region,
        }),
      ),
    );
    await Promise.all(clients.map(client => client.config.credentials()));
    expect(assumeRole).toHaveBeenCalledTimes(1);
  });
});

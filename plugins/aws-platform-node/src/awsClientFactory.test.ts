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
});

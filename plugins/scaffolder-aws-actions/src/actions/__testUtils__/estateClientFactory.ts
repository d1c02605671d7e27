import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { DefaultAwsClientFactory } from '@internal/backstage-plugin-aws-platform-node';

/**
 * The portal's client factory for the seeded reference estate: it reaches
 * every member account by assuming OrganizationAccountAccessRole from the
 * emulator's main account. `maxAttempts` defaults to the factory's own.
 */
export function estateClientFactory(
  options: { maxAttempts?: number } = {},
): DefaultAwsClientFactory {
  return new DefaultAwsClientFactory({
    credentialsManager: DefaultAwsCredentialsManager.fromConfig(
      new ConfigReader({
        aws: { accountDefaults: { roleName: 'OrganizationAccountAccessRole' } },
      }),
    ),
    maxAttempts: options.maxAttempts,
  });
}

import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import {
  DefaultAwsClientFactory,
  readAccountRoles,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';

/**
 * The portal's client factory for the seeded reference estate: it reaches
 * every member account by assuming OrganizationAccountAccessRole from the
 * emulator's main account, also for clients with an actor (writes run as a
 * session named after the user). `maxAttempts` defaults to the factory's own.
 */
export function estateClientFactory(
  options: { maxAttempts?: number } = {},
): DefaultAwsClientFactory {
  const config = new ConfigReader({
    aws: { accountDefaults: { roleName: 'OrganizationAccountAccessRole' } },
  });
  return new DefaultAwsClientFactory({
    credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
    maxAttempts: options.maxAttempts,
    accountRoles: readAccountRoles(config),
  });
}

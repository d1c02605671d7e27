import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { ReadIdentityCenter } from './identityCenterScope';
import { readIdentityCenter } from './readIdentityCenter';

/**
 * Identity Center read through the suite's client factory: the backend's
 * role in each candidate account, with the factory's retries and its
 * request buckets per account and service.
 */
export function createIdentityCenterReader(
  clientFactory: AwsClientFactory,
): ReadIdentityCenter {
  return ({ region, ...options }) =>
    readIdentityCenter(
      {
        ssoAdmin: accountId =>
          clientFactory.createClient(SSOAdminClient, { accountId, region }),
        identityStore: accountId =>
          clientFactory.createClient(IdentitystoreClient, {
            accountId,
            region,
          }),
      },
      options,
    );
}

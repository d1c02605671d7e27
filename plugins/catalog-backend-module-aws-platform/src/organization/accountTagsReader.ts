import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { IngestionConfig } from '../ingestionConfig';
import { readTags } from './readOrganization';

/**
 * Reads one account's tags with the client the full refresh reads the
 * organization with (the management account or a delegated administrator).
 */
export function createAccountTagsReader(
  clientFactory: AwsClientFactory,
  organization: IngestionConfig['organization'],
): (accountId: string) => Promise<Record<string, string>> {
  return async accountId =>
    readTags(
      await clientFactory.createClient(OrganizationsClient, {
        accountId: organization.accountId,
        region: organization.region,
      }),
      accountId,
    );
}

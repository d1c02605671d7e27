import {
  ListParentsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { NotFoundError } from '@backstage/errors';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { IngestionConfig } from '../ingestionConfig';

/** Reads the OU (or root) an account sits in now. */
export type ReadAccountParent = (accountId: string) => Promise<string>;

/**
 * Reads an account's parent (`ListParents`, one call) with the client the
 * full refresh reads the organization with.
 */
export function createAccountParentReader(
  clientFactory: AwsClientFactory,
  organization: IngestionConfig['organization'],
): ReadAccountParent {
  return async accountId => {
    const client = await clientFactory.createClient(OrganizationsClient, {
      accountId: organization.accountId,
      region: organization.region,
    });
    const { Parents } = await client.send(
      new ListParentsCommand({ ChildId: accountId }),
    );
    const parentId = Parents?.[0]?.Id;
    if (!parentId) {
      throw new NotFoundError(`account ${accountId} has no parent`);
    }
    return parentId;
  };
}

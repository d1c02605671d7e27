import {
  OrganizationsClient,
  paginateListDelegatedAdministrators,
  paginateListDelegatedServicesForAccount,
} from '@aws-sdk/client-organizations';
import { collectPages } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { mapAllOrThrow } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { DelegatedAdministratorRecord } from './types';

/** Organizations' largest page for List* calls. */
const PAGE_SIZE = 20;

/**
 * The organization's delegated administrators and the services each
 * administers: one paged ListDelegatedAdministrators, then one paged
 * ListDelegatedServicesForAccount per administrator (a handful per
 * organization, not one per account). Undefined when the backend's role may
 * not read them (an IAM policy from before these actions were needed): the
 * roles then rest on weaker evidence. Any other failure throws.
 */
export async function readDelegatedAdministrators(
  client: OrganizationsClient,
  options: { concurrency: number },
): Promise<DelegatedAdministratorRecord[] | undefined> {
  try {
    const administrators = await collectPages(
      paginateListDelegatedAdministrators({ client, pageSize: PAGE_SIZE }, {}),
      page => page.DelegatedAdministrators,
    );
    return await mapAllOrThrow(
      administrators.filter(admin => admin.Id),
      options.concurrency,
      async admin => ({
        accountId: admin.Id!,
        servicePrincipals: (
          await collectPages(
            paginateListDelegatedServicesForAccount(
              { client, pageSize: PAGE_SIZE },
              { AccountId: admin.Id },
            ),
            page => page.DelegatedServices,
          )
        ).flatMap(service =>
          service.ServicePrincipal ? [service.ServicePrincipal] : [],
        ),
      }),
    );
  } catch (error) {
    if (isAccessDenied(error)) {
      return undefined;
    }
    throw error;
  }
}

function isAccessDenied(error: unknown): boolean {
  return error instanceof Error && error.name === 'AccessDeniedException';
}

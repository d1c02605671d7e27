import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  awsAccountEntityRef,
  awsPlatformProductionChangePermission,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * An account a run may change. Production accounts, and the shared accounts
 * every workload depends on (Network's root zones, Operations' images and CI
 * roles), are `production`: changing them needs the production permission.
 */
export interface ChangedAccount {
  accountId: string;
  name: string;
  production?: boolean;
}

/**
 * Checks the action's permission for the user who started the task, and the
 * production permission too for each production or shared account the run
 * may change, in one batch. The production permission is a `catalog-entity`
 * permission asked for each account's entity
 * (`resource:default/account-<id>`), so a policy can allow it per account,
 * e.g. to the account's owners. Runs before any AWS call and before the
 * action reads the catalog (a conditional decision is resolved by the
 * catalog plugin); with no accounts yet (they are resolved from the catalog)
 * it checks only the action's permission.
 */
export async function authorizeChange(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
  accounts: ChangedAccount[],
): Promise<void> {
  const production = accounts.filter(account => account.production);
  const requests: AuthorizePermissionRequest[] = [
    { permission },
    ...production.map(account => ({
      permission: awsPlatformProductionChangePermission,
      resourceRef: awsAccountEntityRef(account.accountId),
    })),
  ];
  const [own, ...perAccount] = await permissions.authorize(requests, {
    credentials,
  });
  if (own.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You may not run ${permission.name}${accountList(accounts)}`,
    );
  }
  const denied = production.filter(
    (_, i) => perAccount[i].result !== AuthorizeResult.ALLOW,
  );
  if (denied.length > 0) {
    throw new NotAllowedError(
      `You may not change production or shared accounts${accountList(denied)}`,
    );
  }
}

/** " (account Operations, 123456789012; Production, 210987654321)", or "". */
function accountList(accounts: ChangedAccount[]): string {
  const where = accounts
    .map(account => `${account.name}, ${account.accountId}`)
    .join('; ');
  return where ? ` (account ${where})` : '';
}

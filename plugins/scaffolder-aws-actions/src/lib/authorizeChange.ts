import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { awsPlatformProductionChangePermission } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

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
 * production permission too when any account the run may change is a
 * production or shared one. Runs before any AWS or catalog call; with no
 * accounts yet (they are resolved from the catalog) it checks only the
 * action's permission.
 */
export async function authorizeChange(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
  accounts: ChangedAccount[],
): Promise<void> {
  const production = accounts.filter(account => account.production);
  const requests = [{ permission }];
  if (production.length > 0) {
    requests.push({ permission: awsPlatformProductionChangePermission });
  }
  const decisions = await permissions.authorize(requests, { credentials });
  decisions.forEach((decision, i) => {
    if (decision.result === AuthorizeResult.ALLOW) {
      return;
    }
    const where = (i === 0 ? accounts : production)
      .map(account => `${account.name}, ${account.accountId}`)
      .join('; ');
    throw new NotAllowedError(
      `You may not ${
        i === 0
          ? `run ${permission.name}`
          : 'change production or shared accounts'
      }${where ? ` (account ${where})` : ''}`,
    );
  });
}

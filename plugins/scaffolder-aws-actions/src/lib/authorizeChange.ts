import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { awsPlatformProductionChangePermission } from '@internal/backstage-plugin-aws-platform-common';
import type { AllowedAccount } from '../actionsConfig';

/**
 * Checks the action's permission for the user who started the task, and the
 * production permission too when the target account is a production one.
 */
export async function authorizeChange(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: BasicPermission,
  account: AllowedAccount,
): Promise<void> {
  const requests = [{ permission }];
  if (account.production) {
    requests.push({ permission: awsPlatformProductionChangePermission });
  }
  const decisions = await permissions.authorize(requests, { credentials });
  decisions.forEach((decision, i) => {
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${
          requests[i].permission.name === permission.name
            ? `run ${permission.name}`
            : 'change production accounts'
        } (account ${account.name}, ${account.accountId})`,
      );
    }
  });
}

import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  awsPlatformDelegationRepairPermission,
  awsPlatformSubdomainCreatePermission,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { ActionsConfig, AllowedAccount } from '../actionsConfig';
import { authorizeChange, ChangedAccount } from '../lib/authorizeChange';
import { resolveOwnerGroup } from '../lib/ownerGroup';
import { resolveAccount } from '../lib/resolveAccount';
import type { RawSubdomainInput, SubdomainInput } from './subdomainInput';

/**
 * Permissions and catalog reads, in this order: the action's own permissions
 * before the catalog is read; the production one once the account is known
 * (the Network account's root zones are shared by every workload, so it
 * always counts); then the owner group.
 */
export async function authorizeAndResolve(
  deps: {
    config: ActionsConfig;
    catalog: CatalogService;
    permissions: PermissionsService;
    route53: { networkAccountId: string };
  },
  request: {
    raw: RawSubdomainInput;
    input: SubdomainInput;
    credentials: BackstageCredentials;
  },
): Promise<{
  account: AllowedAccount;
  network: ChangedAccount;
  ownerGroup: string;
}> {
  const { catalog, permissions } = deps;
  const { raw, credentials } = request;
  await authorizeSubdomain(permissions, credentials, {
    accounts: [],
    repair: request.input.repairDelegation,
  });
  const account = await resolveAccount(
    raw.account,
    deps.config.accounts,
    catalog,
    credentials,
  );
  const network = {
    accountId: deps.route53.networkAccountId,
    name: 'Network',
    production: true,
  };
  await authorizeSubdomain(permissions, credentials, {
    accounts: [account, network],
    repair: false,
  });
  const ownerGroup = await resolveOwnerGroup(
    catalog,
    credentials,
    raw.owner,
    'owner',
  );
  return { account, network, ownerGroup };
}

/**
 * The action's permission (and the production one when an account is), and
 * the repair permission when the template asks for a repair.
 */
async function authorizeSubdomain(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  request: { accounts: ChangedAccount[]; repair: boolean },
): Promise<void> {
  await authorizeChange(
    permissions,
    credentials,
    awsPlatformSubdomainCreatePermission,
    request.accounts,
  );
  if (request.repair) {
    await authorizeChange(
      permissions,
      credentials,
      awsPlatformDelegationRepairPermission,
      request.accounts,
    );
  }
}

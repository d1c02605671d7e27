import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** An account the actions may change. */
export interface AllowedAccount {
  accountId: string;
  name: string;
  production: boolean;
}

/** The typed `scaffolder.awsPlatform` section. */
export interface ActionsConfig {
  accounts: AllowedAccount[];
  route53?: {
    networkAccountId: string;
    parentZones: string[];
    ttl: number;
    syncTimeoutSeconds: number;
  };
}

const KEY = 'scaffolder.awsPlatform';

/** Reads the actions' allowlists; mistakes fail the backend's start. */
export function readActionsConfig(root: Config): ActionsConfig {
  const config = root.getOptionalConfig(KEY);
  const accounts = (config?.getOptionalConfigArray('accounts') ?? []).map(
    (account, i) => ({
      accountId: checkAccountId(
        account.getString('accountId'),
        `${KEY}.accounts[${i}].accountId`,
      ),
      name: account.getString('name'),
      production: account.getOptionalBoolean('production') ?? false,
    }),
  );
  const route53 = config?.getOptionalConfig('route53');
  return {
    accounts,
    route53: route53 && {
      networkAccountId: checkAccountId(
        route53.getString('networkAccountId'),
        `${KEY}.route53.networkAccountId`,
      ),
      parentZones: route53
        .getStringArray('parentZones')
        .map(zone => zone.toLocaleLowerCase('en-US').replace(/\.$/, '')),
      ttl: route53.getOptionalNumber('ttl') ?? 3600,
      syncTimeoutSeconds:
        route53.getOptionalNumber('syncTimeoutSeconds') ?? 300,
    },
  };
}

function checkAccountId(value: string, key: string): string {
  if (!/^\d{12}$/.test(value)) {
    throw new InputError(`${key}: '${value}' is not a 12-digit AWS account id`);
  }
  return value;
}

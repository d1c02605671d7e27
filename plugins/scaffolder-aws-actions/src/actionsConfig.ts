import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { isRegionName } from './lib/regions';
import {
  FlightdeckConfig,
  readFlightdeckConfig,
} from './flightdeck/flightdeckConfig';

/**
 * An account the actions may change.
 *
 * @public
 */
export interface AllowedAccount {
  accountId: string;
  name: string;
  production: boolean;
}

/**
 * The typed `scaffolder.awsPlatform` section.
 *
 * @public
 */
export interface ActionsConfig {
  accounts: AllowedAccount[];
  route53?: {
    networkAccountId: string;
    parentZones: string[];
    ttl: number;
    syncTimeoutSeconds: number;
    /** First labels no template may request; undefined means the action's default list. */
    reservedSubdomains?: string[];
  };
  backup?: BackupConfig;
  flightdeck?: FlightdeckConfig;
}

/**
 * The typed `scaffolder.awsPlatform.backup` section.
 *
 * @public
 */
export interface BackupConfig {
  backupAccountId: string;
  vaultName: string;
  selectionRoleName: string;
  /** Undefined allows any region. */
  allowedRegions?: string[];
}

/** The guide's org-wide vault name (section d). */
const DEFAULT_VAULT_NAME = 'user-backup-vault';
/** The guide's selection role name (section d). */
const DEFAULT_SELECTION_ROLE_NAME = 'backup-selection-role';

const KEY = 'scaffolder.awsPlatform';
const VAULT_NAME = /^[a-zA-Z0-9\-_]{2,50}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * Reads the actions' allowlists; mistakes fail the backend's start.
 *
 * @public
 */
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
  const backup = config?.getOptionalConfig('backup');
  const flightdeck = config?.getOptionalConfig('flightdeck');
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
      reservedSubdomains: readReservedSubdomains(route53),
    },
    backup: backup && readBackupConfig(backup),
    flightdeck: flightdeck && readFlightdeckConfig(flightdeck),
  };
}

function readBackupConfig(backup: Config): BackupConfig {
  const vaultName = backup.getOptionalString('vaultName') ?? DEFAULT_VAULT_NAME;
  if (!VAULT_NAME.test(vaultName)) {
    throw new InputError(
      `${KEY}.backup.vaultName: '${vaultName}' is not a vault name (2 to 50 letters, digits, - or _)`,
    );
  }
  const selectionRoleName =
    backup.getOptionalString('selectionRoleName') ??
    DEFAULT_SELECTION_ROLE_NAME;
  if (!ROLE_NAME.test(selectionRoleName)) {
    throw new InputError(
      `${KEY}.backup.selectionRoleName: '${selectionRoleName}' is not an IAM role name`,
    );
  }
  const allowedRegions = backup.getOptionalStringArray('allowedRegions');
  for (const region of allowedRegions ?? []) {
    if (!isRegionName(region)) {
      throw new InputError(
        `${KEY}.backup.allowedRegions: '${region}' is not an AWS region name`,
      );
    }
  }
  return {
    backupAccountId: checkAccountId(
      backup.getString('backupAccountId'),
      `${KEY}.backup.backupAccountId`,
    ),
    vaultName,
    selectionRoleName,
    allowedRegions,
  };
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function readReservedSubdomains(route53: Config): string[] | undefined {
  const labels = route53
    .getOptionalStringArray('reservedSubdomains')
    ?.map(label => label.toLocaleLowerCase('en-US'));
  for (const label of labels ?? []) {
    if (!DNS_LABEL.test(label)) {
      throw new InputError(
        `${KEY}.route53.reservedSubdomains: '${label}' is not a DNS label`,
      );
    }
  }
  return labels;
}

function checkAccountId(value: string, key: string): string {
  if (!/^\d{12}$/.test(value)) {
    throw new InputError(`${key}: '${value}' is not a 12-digit AWS account id`);
  }
  return value;
}

import {
  AccountRole,
  isAccountRole,
} from '@internal/backstage-plugin-aws-platform-common';
import { AccountRecord } from './types';

/** Where an account's role came from, strongest first. */
export type RoleSource = 'config' | 'tag' | 'management' | 'name' | 'default';

/** What the role derivation needs besides the account. */
export interface RoleContext {
  managementAccountId: string;
  roleTagKey: string;
  roleOverrides: Record<string, AccountRole>;
}

// The names the landing zone and Account Factory give these accounts.
const ROLE_BY_NAME: Record<string, AccountRole> = {
  management: 'management',
  master: 'management',
  logarchive: 'log-archive',
  log: 'log-archive',
  audit: 'audit',
  identity: 'identity',
  operations: 'operations',
  ops: 'operations',
  network: 'network',
  networking: 'network',
  backup: 'backup',
  backups: 'backup',
  production: 'production',
  prod: 'production',
  sandbox: 'sandbox',
};

/**
 * The account's role in the guide's architecture: a config override, else
 * the role tag, else the management account id, else its well-known name,
 * else `workload`.
 */
export function deriveAccountRole(
  account: Pick<AccountRecord, 'id' | 'name' | 'tags'>,
  context: RoleContext,
): { role: AccountRole; source: RoleSource } {
  const override = context.roleOverrides[account.id];
  if (override) {
    return { role: override, source: 'config' };
  }
  const tagged = account.tags[context.roleTagKey]
    ?.trim()
    .toLocaleLowerCase('en-US');
  if (isAccountRole(tagged)) {
    return { role: tagged, source: 'tag' };
  }
  if (account.id === context.managementAccountId) {
    return { role: 'management', source: 'management' };
  }
  const byName =
    ROLE_BY_NAME[
      account.name.toLocaleLowerCase('en-US').replace(/[^a-z]/g, '')
    ];
  if (byName && byName !== 'management') {
    return { role: byName, source: 'name' };
  }
  return { role: 'workload', source: 'default' };
}

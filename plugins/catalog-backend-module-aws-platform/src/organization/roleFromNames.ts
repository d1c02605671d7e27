import type { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

// Words in account names that name a role. Checked in the order of
// ROLE_PRIORITY, so `sec-logs` is the log archive and `security-tooling`
// is Audit. `management` is never taken from a name: only the organization
// says which account that is.
const ROLE_BY_NAME_TOKEN: Record<string, AccountRole> = {
  logarchive: 'log-archive',
  log: 'log-archive',
  logs: 'log-archive',
  logging: 'log-archive',
  audit: 'audit',
  security: 'audit',
  sec: 'audit',
  identity: 'identity',
  sso: 'identity',
  idp: 'identity',
  backup: 'backup',
  backups: 'backup',
  vault: 'backup',
  network: 'network',
  networking: 'network',
  net: 'network',
  operations: 'operations',
  ops: 'operations',
  production: 'production',
  prod: 'production',
  prd: 'production',
  sandbox: 'sandbox',
  sbx: 'sandbox',
  nonprod: 'sandbox',
  dev: 'sandbox',
  development: 'sandbox',
  staging: 'sandbox',
  stage: 'sandbox',
  test: 'sandbox',
};

const ROLE_PRIORITY: AccountRole[] = [
  'log-archive',
  'audit',
  'identity',
  'backup',
  'network',
  'operations',
  'production',
  'sandbox',
];

// OU names that say what their accounts run. `Security` OUs are only a hint
// and need a name token to say which of its accounts is which.
const ROLE_BY_OU_NAME: Record<string, AccountRole> = {
  prod: 'production',
  production: 'production',
  nonprod: 'sandbox',
  sandbox: 'sandbox',
  sandboxes: 'sandbox',
  dev: 'sandbox',
  development: 'sandbox',
  staging: 'sandbox',
  test: 'sandbox',
};

const SECURITY_OU_ROLES: AccountRole[] = ['log-archive', 'audit'];

/** The lower-case words of a name: `Globex-Prod_use1` -> globex, prod, use1. */
export function nameTokens(name: string): string[] {
  return name
    .toLocaleLowerCase('en-US')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The role the words of an account name point at, if any. */
export function roleFromAccountName(name: string): AccountRole | undefined {
  const squashed = nameTokens(name).join('');
  const roles = new Set(
    [...nameTokens(name), squashed].map(token => ROLE_BY_NAME_TOKEN[token]),
  );
  return ROLE_PRIORITY.find(role => roles.has(role));
}

/**
 * The role the OUs an account sits in point at, innermost OU first: a
 * `Prod` OU inside `Workloads` says production. In a `Security` OU, the
 * account name must say whether it is the log archive or Audit.
 */
export function roleFromOuPath(
  ouNamesInnermostFirst: string[],
  accountName: string,
): { role: AccountRole; ou: string } | undefined {
  for (const ou of ouNamesInnermostFirst) {
    const squashed = nameTokens(ou).join('');
    const byOu = ROLE_BY_OU_NAME[squashed];
    if (byOu) {
      return { role: byOu, ou };
    }
    if (squashed === 'security') {
      const byName = roleFromAccountName(accountName);
      if (byName && SECURITY_OU_ROLES.includes(byName)) {
        return { role: byName, ou };
      }
    }
  }
  return undefined;
}

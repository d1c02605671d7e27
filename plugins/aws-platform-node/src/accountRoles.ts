import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';

/**
 * The role of an account that attributed sessions assume, as integration-aws-node
 * configures it (`aws.accounts[]`, else `aws.accountDefaults`).
 * @public
 */
export interface AccountRole {
  roleArn: string;
  externalId?: string;
  /** Region of the STS endpoint; us-east-1 unless configured, as in integration-aws-node. */
  stsRegion: string;
  /**
   * The account entry's own static keys: integration-aws-node assumes the
   * role with them instead of the main account's credentials.
   */
  staticCredentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The role of an account, or a NotAllowedError saying why no attributed
 * session can be made in it.
 * @public
 */
export type AccountRoleLookup = (accountId: string) => AccountRole;

type RoleConfig = {
  roleName?: string;
  partition?: string;
  region?: string;
  externalId?: string;
  webIdentityTokenFile?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
};

function readRoleConfig(config: Config): RoleConfig {
  return {
    roleName: config.getOptionalString('roleName'),
    partition: config.getOptionalString('partition'),
    region: config.getOptionalString('region'),
    externalId: config.getOptionalString('externalId'),
    webIdentityTokenFile: config.getOptionalString('webIdentityTokenFile'),
    accessKeyId: config.getOptionalString('accessKeyId'),
    secretAccessKey: config.getOptionalString('secretAccessKey'),
  };
}

function toAccountRole(accountId: string, role: RoleConfig): AccountRole {
  if (!role.roleName) {
    throw new NotAllowedError(
      `AWS account ${accountId} has no role to assume (aws.accounts[].roleName or aws.accountDefaults.roleName), so a change there cannot be attributed to the user who asked`,
    );
  }
  if (role.webIdentityTokenFile) {
    // AssumeRoleWithWebIdentity takes its source identity from the token,
    // not from the caller, so the session could not name the user.
    throw new NotAllowedError(
      `AWS account ${accountId} assumes its role with a web identity token, so a change there cannot be attributed to the user who asked; let the main account assume the role instead`,
    );
  }
  return {
    roleArn: `arn:${role.partition ?? 'aws'}:iam::${accountId}:role/${
      role.roleName
    }`,
    externalId: role.externalId,
    stsRegion: role.region ?? 'us-east-1',
    staticCredentials:
      role.accessKeyId && role.secretAccessKey
        ? {
            accessKeyId: role.accessKeyId,
            secretAccessKey: role.secretAccessKey,
          }
        : undefined,
  };
}

/**
 * Reads the role of each account from the `aws` config that
 * `@backstage/integration-aws-node` reads: the account's own entry, else
 * `aws.accountDefaults`.
 * @public
 */
export function readAccountRoles(config: Config): AccountRoleLookup {
  const accounts = new Map<string, RoleConfig>();
  for (const account of config.getOptionalConfigArray('aws.accounts') ?? []) {
    accounts.set(account.getString('accountId'), readRoleConfig(account));
  }
  const defaultsConfig = config.getOptionalConfig('aws.accountDefaults');
  const defaults = defaultsConfig ? readRoleConfig(defaultsConfig) : {};
  // integration-aws-node reads no keys of their own from the defaults.
  const defaultRole = {
    ...defaults,
    accessKeyId: undefined,
    secretAccessKey: undefined,
  };
  return accountId =>
    toAccountRole(accountId, accounts.get(accountId) ?? defaultRole);
}

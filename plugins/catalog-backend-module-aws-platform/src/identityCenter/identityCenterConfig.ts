import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `identityCenter` of an organization's ingestion section. */
export interface IdentityCenterConfig {
  /** The region of the Identity Center instance. */
  region: string;
  /** The instance to read; default the one ListInstances answers with. */
  instanceArn?: string;
  /**
   * The account to read it from; default the organization's Identity
   * account (the delegated administrator), else the management account.
   */
  accountId?: string;
}

/**
 * Reads `identityCenter` of one section; undefined unless `enabled` is
 * true, since ingesting users and groups is an adopter's choice.
 */
export function readIdentityCenterConfig(
  config: Config | undefined,
  key: string,
): IdentityCenterConfig | undefined {
  if (!config?.getOptionalBoolean('enabled')) return undefined;
  const accountId = config.getOptionalString('accountId');
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) {
    throw new InputError(
      `${key}.identityCenter.accountId: '${accountId}' is not a 12-digit AWS account id`,
    );
  }
  const instanceArn = config.getOptionalString('instanceArn');
  if (
    instanceArn !== undefined &&
    !/^arn:aws[a-z-]*:sso:::instance\/ssoins-[0-9a-zA-Z.-]+$/.test(instanceArn)
  ) {
    throw new InputError(
      `${key}.identityCenter.instanceArn: '${instanceArn}' is not an Identity Center instance ARN`,
    );
  }
  return {
    region: config.getOptionalString('region') ?? 'us-east-1',
    ...(instanceArn && { instanceArn }),
    ...(accountId && { accountId }),
  };
}

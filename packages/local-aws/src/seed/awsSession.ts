import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ORGANIZATION_ACCESS_ROLE } from './conventions.ts';

/** Static or temporary AWS credentials. */
export type Credentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
};

/**
 * Dummy keys. moto maps keys it did not issue to the management account
 * 123456789012.
 */
export const MANAGEMENT_CREDENTIALS: Credentials = {
  accessKeyId: 'test',
  secretAccessKey: 'test',
};

/** Where to send SDK calls, and as whom. */
export type AwsSession = {
  endpoint: string;
  region: string;
  credentials: Credentials;
};

/**
 * Options for any SDK v3 client. `maxAttempts: 1` because moto answers
 * unimplemented operations with HTML 500s, which the SDK would retry.
 */
export function clientOptions(session: AwsSession, region = session.region) {
  return {
    endpoint: session.endpoint,
    region,
    credentials: session.credentials,
    maxAttempts: 1,
  };
}

/**
 * Assumes OrganizationAccountAccessRole in a member account. moto scopes
 * every call made with the returned keys to that account.
 */
export async function assumeAccount(
  management: AwsSession,
  accountId: string,
): Promise<AwsSession> {
  const sts = new STSClient(clientOptions(management));
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${ORGANIZATION_ACCESS_ROLE}`,
      RoleSessionName: 'local-aws-seed',
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) {
    throw new Error(`AssumeRole into ${accountId} returned no credentials`);
  }
  return {
    endpoint: management.endpoint,
    region: management.region,
    credentials: {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
    },
  };
}

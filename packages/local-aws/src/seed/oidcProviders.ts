import type { AwsSession } from './awsSession.ts';

/** The host of GitHub Actions' OIDC issuer. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/**
 * Thumbprints IAM stores with a provider. AWS no longer checks them for
 * GitHub and EKS issuers, but the API still wants one: these are the
 * well-known root CA thumbprints.
 */
const THUMBPRINTS: Record<string, string> = {
  [GITHUB_OIDC_HOST]: '6938fd4d98bab03faadb97b34396831e3780aea1',
  eks: '9e99a48a9960b14926bb7f3b02e22da2b0ab7280',
};

/**
 * Creates an IAM OIDC provider in the session's account: the one
 * Flightdeck's cluster module makes for a cluster's issuer, or the one the
 * landing zone's GitHub Actions stack makes. Returns its ARN.
 *
 * This package does not depend on @aws-sdk/client-iam, so the call is IAM's
 * Query API over fetch; moto takes the account from the access key in the
 * Authorization header (an AssumeRole key maps to the role's account) and
 * does not check signatures.
 */
export async function createOidcProvider(
  session: AwsSession,
  accountId: string,
  issuerHost: string,
): Promise<string> {
  const host = issuerHost.replace(/^https:\/\//, '');
  await iamQuery(session, {
    Action: 'CreateOpenIDConnectProvider',
    Url: `https://${host}`,
    'ClientIDList.member.1': 'sts.amazonaws.com',
    'ThumbprintList.member.1': THUMBPRINTS[host] ?? THUMBPRINTS.eks,
  });
  return `arn:aws:iam::${accountId}:oidc-provider/${host}`;
}

/** ARNs of the session account's IAM OIDC providers. */
export async function listOidcProviders(
  session: AwsSession,
): Promise<string[]> {
  const xml = await iamQuery(session, {
    Action: 'ListOpenIDConnectProviders',
  });
  return [...xml.matchAll(/<Arn>([^<]+)<\/Arn>/g)].map(match => match[1]);
}

async function iamQuery(
  session: AwsSession,
  params: Record<string, string>,
): Promise<string> {
  const response = await fetch(`${session.endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: `AWS4-HMAC-SHA256 Credential=${session.credentials.accessKeyId}/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0`,
      ...(session.credentials.sessionToken && {
        'x-amz-security-token': session.credentials.sessionToken,
      }),
    },
    body: new URLSearchParams({ ...params, Version: '2010-05-08' }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(
      `IAM ${params.Action} answered ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  return text;
}

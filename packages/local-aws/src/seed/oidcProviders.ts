import {
  CreateOpenIDConnectProviderCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
} from '@aws-sdk/client-iam';
import { clientOptions } from './awsSession.ts';
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
 */
export async function createOidcProvider(
  session: AwsSession,
  accountId: string,
  issuerHost: string,
): Promise<string> {
  const host = issuerHost.replace(/^https:\/\//, '');
  await iamClient(session).send(
    new CreateOpenIDConnectProviderCommand({
      Url: `https://${host}`,
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: [THUMBPRINTS[host] ?? THUMBPRINTS.eks],
    }),
  );
  return `arn:aws:iam::${accountId}:oidc-provider/${host}`;
}

/** ARNs of the session account's IAM OIDC providers. */
export async function listOidcProviders(
  session: AwsSession,
): Promise<string[]> {
  const { OpenIDConnectProviderList } = await iamClient(session).send(
    new ListOpenIDConnectProvidersCommand({}),
  );
  return (OpenIDConnectProviderList ?? []).flatMap(provider =>
    provider.Arn ? [provider.Arn] : [],
  );
}

// IAM is global; its API is signed for us-east-1.
function iamClient(session: AwsSession): IAMClient {
  return new IAMClient(clientOptions(session, 'us-east-1'));
}

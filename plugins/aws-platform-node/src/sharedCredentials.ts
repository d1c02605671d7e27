import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
} from '@smithy/types';

/** Credentials are renewed this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/**
 * One credential provider shared by every client of an account: concurrent
 * first calls wait on the same request, and the credentials are reused until
 * shortly before they expire, so an account costs one AssumeRole per
 * credential lifetime however many services and regions are read at once.
 * @public
 */
export function shareCredentials(
  provider: AwsCredentialIdentityProvider,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let cached: AwsCredentialIdentity | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;
  const fresh = (credentials: AwsCredentialIdentity) =>
    !credentials.expiration ||
    credentials.expiration.getTime() - now() > RENEW_BEFORE_MS;
  return () => {
    if (cached && fresh(cached)) {
      return Promise.resolve(cached);
    }
    if (!inFlight) {
      inFlight = provider()
        .then(credentials => {
          cached = credentials;
          return credentials;
        })
        .finally(() => {
          inFlight = undefined;
        });
    }
    return inFlight;
  };
}

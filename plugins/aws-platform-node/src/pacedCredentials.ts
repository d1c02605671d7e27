import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { TokenBucket } from './tokenBucket';

/** Error names AWS uses for throttling, across protocols. */
const THROTTLING_ERROR_NAMES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'PriorRequestNotComplete',
]);

const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 5_000;

/** Whether an error from an AWS call says the caller was throttled. */
export function isThrottlingError(error: unknown): boolean {
  const e = error as {
    name?: string;
    Code?: string;
    $retryable?: { throttling?: boolean };
    $metadata?: { httpStatusCode?: number };
  };
  return Boolean(
    e &&
      (THROTTLING_ERROR_NAMES.has(e.name ?? '') ||
        THROTTLING_ERROR_NAMES.has(e.Code ?? '') ||
        e.$retryable?.throttling ||
        e.$metadata?.httpStatusCode === 429),
  );
}

/**
 * Options of {@link paceCredentials}.
 */
export interface PaceCredentialsOptions {
  /** Shared by every account's provider: AssumeRole calls all come from one identity. */
  bucket: TokenBucket;
  /** Attempts per credential request when STS throttles, including the first. */
  maxAttempts: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Paces the AssumeRole calls behind a credential provider and retries them
 * when STS throttles. The per-account service buckets cannot do this: the
 * call goes from the main account to STS before any client has credentials,
 * so without pacing a refresh that reads many accounts at once can lose
 * scopes to STS throttling (docs/benchmarks.md measured 6 of 1,003).
 */
export function paceCredentials(
  provider: AwsCredentialIdentityProvider,
  options: PaceCredentialsOptions,
): AwsCredentialIdentityProvider {
  const sleep =
    options.sleep ??
    ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  return async identityProperties => {
    for (let attempt = 1; ; attempt++) {
      await options.bucket.take();
      try {
        return await provider(identityProperties);
      } catch (error) {
        if (attempt >= options.maxAttempts || !isThrottlingError(error)) {
          throw error;
        }
        // Full jitter, so accounts throttled together do not retry together.
        const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
        await sleep(Math.floor(random() * cap));
      }
    }
  };
}

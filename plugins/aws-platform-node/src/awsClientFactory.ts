import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { TokenBucket } from './tokenBucket';
import { rateLimitKey } from './rateLimitKey';
import { DEFAULT_RATE_LIMITS, FALLBACK_RATE_LIMIT } from './rateLimits';
import { shareCredentials } from './sharedCredentials';
import { paceCredentials } from './pacedCredentials';
import { readAccountRoles } from './accountRoles';
import type { AccountRoleLookup } from './accountRoles';
import { AttributedSessions } from './attributedSessions';

/**
 * The configuration every suite client is built with.
 * @public
 */
export interface AwsPlatformClientConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  retryMode: 'adaptive';
  maxAttempts: number;
  customUserAgent: string;
}

/**
 * An AWS SDK v3 client class, e.g. `OrganizationsClient`.
 * @public
 */
export type AwsClientClass<TClient> = new (
  config: AwsPlatformClientConfig,
) => TClient;

/**
 * Which account and region a client talks to.
 * @public
 */
export interface AwsClientTarget {
  /** Omit for the main account of `aws.mainAccount`. */
  accountId?: string;
  region: string;
  /**
   * Who the calls are made for. When set, the client's credentials are a
   * session of the account's role named after this user (STS session name
   * and source identity), so CloudTrail attributes each change to them.
   * `createClient` throws a NotAllowedError when the account has no role
   * the main account can assume, or the ref is empty. Reads made by the
   * backend itself leave it out.
   */
  actor?: AwsActor;
}

/**
 * The person a client acts for, see {@link AwsClientTarget.actor}.
 * @public
 */
export interface AwsActor {
  /**
   * The user entity ref, e.g. `user:default/jane.doe`; a task without a
   * user (`ctx.user?.ref` undefined) is refused.
   */
  userEntityRef: string | undefined;
}

/**
 * Builds AWS SDK clients for any account of the organization, with
 * credentials from `@backstage/integration-aws-node`, adaptive retries and a
 * shared request-rate limit per account and service.
 * @public
 */
export interface AwsClientFactory {
  createClient<TClient extends SdkClientLike>(
    clientClass: AwsClientClass<TClient>,
    target: AwsClientTarget,
  ): Promise<TClient>;
}

/**
 * The part of an SDK v3 client the factory touches.
 * @public
 */
export interface SdkClientLike {
  config: { serviceId?: string };
  middlewareStack: {
    add(middleware: any, options: Record<string, unknown>): void;
  };
}

/**
 * Options of {@link DefaultAwsClientFactory}.
 * @public
 */
export interface DefaultAwsClientFactoryOptions {
  credentialsManager: AwsCredentialsManager;
  /** Attempts per call, including the first; default 5. */
  maxAttempts?: number;
  /** Overrides of {@link DEFAULT_RATE_LIMITS}, keyed by the SDK's service id. */
  rateLimits?: Record<string, { ratePerSecond: number; burst?: number }>;
  /**
   * The role of each account for clients with an actor; see
   * {@link readAccountRoles}. Without it such clients are refused.
   */
  accountRoles?: AccountRoleLookup;
}

/**
 * The default {@link AwsClientFactory}.
 * @public
 */
export class DefaultAwsClientFactory implements AwsClientFactory {
  readonly #credentialsManager: AwsCredentialsManager;
  readonly #maxAttempts: number;
  readonly #rateLimits: Record<
    string,
    { ratePerSecond: number; burst?: number }
  >;
  readonly #buckets = new Map<string, TokenBucket>();
  readonly #credentials = new Map<string, AwsCredentialIdentityProvider>();
  readonly #attributedSessions: AttributedSessions;

  /** Reads `aws.*` (integration-aws-node) and `awsPlatform.aws.*`. */
  static fromConfig(config: Config): DefaultAwsClientFactory {
    const rateLimits: Record<
      string,
      { ratePerSecond: number; burst?: number }
    > = {};
    const limits = config.getOptionalConfig('awsPlatform.aws.rateLimits');
    for (const service of limits?.keys() ?? []) {
      rateLimits[service] = {
        ratePerSecond: limits!.getNumber(`${service}.ratePerSecond`),
        burst: limits!.getOptionalNumber(`${service}.burst`),
      };
    }
    return new DefaultAwsClientFactory({
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(config),
      maxAttempts: config.getOptionalNumber('awsPlatform.aws.maxAttempts'),
      rateLimits,
      accountRoles: readAccountRoles(config),
    });
  }

  constructor(options: DefaultAwsClientFactoryOptions) {
    this.#credentialsManager = options.credentialsManager;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
    const accountRoles = options.accountRoles;
    this.#attributedSessions = new AttributedSessions({
      roles: accountId => {
        if (!accountRoles) {
          throw new NotAllowedError(
            `This AWS client factory was built without the aws config of account roles, so a change in ${accountId} cannot be attributed to the user who asked`,
          );
        }
        return accountRoles(accountId);
      },
      mainCredentials: async () => (await this.#accountCredentials()).shared,
      bucket: this.#bucketFor('AssumeRole', 'AssumeRole'),
      maxAttempts: this.#maxAttempts,
    });
  }

  async createClient<TClient extends SdkClientLike>(
    ClientClass: AwsClientClass<TClient>,
    target: AwsClientTarget,
  ): Promise<TClient> {
    let credentials: AwsCredentialIdentityProvider;
    let accountKey: string;
    if (target.actor) {
      credentials = this.#attributedSessions.credentialsFor(
        target.accountId,
        target.actor.userEntityRef,
      );
      accountKey = target.accountId!;
    } else {
      ({ shared: credentials, accountKey } = await this.#accountCredentials(
        target.accountId,
      ));
    }
    const client = new ClientClass({
      region: target.region,
      credentials,
      retryMode: 'adaptive',
      maxAttempts: this.#maxAttempts,
      customUserAgent: 'backstage-aws-platform',
    });
    const service = client.config.serviceId ?? ClientClass.name;
    const bucket = this.#bucketFor(
      rateLimitKey(accountKey, service, target.region),
      service,
    );
    // Runs once per attempt (inside the retry loop), so retries are paced too.
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
        await bucket.take();
        return next(args);
      },
      {
        step: 'finalizeRequest',
        priority: 'low',
        name: 'awsPlatformRateLimit',
      },
    );
    return client;
  }

  /** The backend's own credentials of an account, one provider shared by all its clients. */
  async #accountCredentials(
    accountId?: string,
  ): Promise<{ shared: AwsCredentialIdentityProvider; accountKey: string }> {
    const credentials = await this.#credentialsManager.getCredentialProvider(
      accountId ? { accountId } : undefined,
    );
    const accountKey = accountId ?? credentials.accountId ?? 'main';
    let shared = this.#credentials.get(accountKey);
    if (!shared) {
      shared = shareCredentials(
        paceCredentials(credentials.sdkCredentialProvider, {
          bucket: this.#bucketFor('AssumeRole', 'AssumeRole'),
          maxAttempts: this.#maxAttempts,
        }),
      );
      this.#credentials.set(accountKey, shared);
    }
    return { shared, accountKey };
  }

  #bucketFor(key: string, service: string): TokenBucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      const limit = this.#rateLimits[service] ?? FALLBACK_RATE_LIMIT;
      bucket = new TokenBucket(limit);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }
}

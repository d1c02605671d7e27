import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { NotAllowedError } from '@backstage/errors';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
} from '@smithy/types';
import type { AccountRole, AccountRoleLookup } from './accountRoles';
import { paceCredentials } from './pacedCredentials';
import { shareCredentials } from './sharedCredentials';
import { attributedSessionName } from './sessionIdentity';
import type { TokenBucket } from './tokenBucket';

/** The shortest session STS grants: an action's changes take seconds. */
const SESSION_SECONDS = 900;

/** Options of {@link AttributedSessions}. */
export interface AttributedSessionsOptions {
  roles: AccountRoleLookup;
  /** The main account's credentials, which assume every account's role. */
  mainCredentials: () => Promise<AwsCredentialIdentityProvider>;
  /** The AssumeRole bucket every account's credential requests share. */
  bucket: TokenBucket;
  maxAttempts: number;
  now?: () => number;
}

/**
 * Credentials for changes made on a user's behalf: a session of the
 * account's role whose RoleSessionName and SourceIdentity name the user,
 * so CloudTrail attributes each change to them. One session per account and
 * user, reused until shortly before it expires; the AssumeRole requests are
 * paced and retried with the backend's own.
 */
export class AttributedSessions {
  readonly #options: AttributedSessionsOptions;
  readonly #now: () => number;
  readonly #sessions = new Map<
    string,
    { provider: AwsCredentialIdentityProvider; createdAt: number }
  >();

  constructor(options: AttributedSessionsOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Throws a NotAllowedError when the change cannot be attributed. */
  credentialsFor(
    accountId: string | undefined,
    userEntityRef: string | undefined,
  ): AwsCredentialIdentityProvider {
    if (!accountId) {
      throw new NotAllowedError(
        'A change attributed to a user needs the account to change; the main account has no role to assume',
      );
    }
    const sessionName = attributedSessionName(userEntityRef ?? '');
    const role = this.#options.roles(accountId);
    const key = `${accountId}\n${sessionName}`;
    const cached = this.#sessions.get(key);
    if (cached && !this.#expired(cached.createdAt)) {
      return cached.provider;
    }
    this.#dropExpired();
    const provider = shareCredentials(
      paceCredentials(() => this.#assumeRole(role, sessionName), {
        bucket: this.#options.bucket,
        maxAttempts: this.#options.maxAttempts,
      }),
      this.#now,
    );
    this.#sessions.set(key, { provider, createdAt: this.#now() });
    return provider;
  }

  async #assumeRole(
    role: AccountRole,
    sessionName: string,
  ): Promise<AwsCredentialIdentity> {
    const masterCredentials = role.staticCredentials
      ? async () => role.staticCredentials!
      : await this.#options.mainCredentials();
    const sts = new STSClient({
      region: role.stsRegion,
      credentials: masterCredentials,
      customUserAgent: 'backstage-aws-platform',
    });
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: role.roleArn,
        RoleSessionName: sessionName,
        // Kept by every session chained from this one, unlike the name.
        SourceIdentity: sessionName,
        ExternalId: role.externalId,
        DurationSeconds: SESSION_SECONDS,
      }),
    );
    if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) {
      throw new Error(`STS returned no credentials for ${role.roleArn}`);
    }
    return {
      accessKeyId: Credentials.AccessKeyId,
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiration: Credentials.Expiration,
    };
  }

  #expired(createdAt: number): boolean {
    return this.#now() - createdAt >= SESSION_SECONDS * 1000;
  }

  /** Sessions of users gone quiet would otherwise pile up. */
  #dropExpired(): void {
    for (const [key, session] of this.#sessions) {
      if (this.#expired(session.createdAt)) this.#sessions.delete(key);
    }
  }
}

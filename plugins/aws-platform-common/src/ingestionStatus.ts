/**
 * The outcome of reading one scope (an account, region and API) during an
 * ingestion run.
 * @public
 */
export interface IngestionScopeFailure {
  /** The scope, e.g. `organization`, `route53:123456789012` or `eks:123456789012:us-east-1`. */
  scope: string;
  /** The error's name, e.g. `AccessDenied` or `TooManyRequestsException`. */
  errorName: string;
  /** The HTTP status AWS answered with, when there was an answer. */
  httpStatus?: number;
  /**
   * What the backend serves: the error's name, HTTP status and scope, e.g.
   * `AccessDeniedException (HTTP 403) in eks:123456789012:us-east-1`.
   * AWS's own message text (which names roles, ARNs and other accounts)
   * never reaches the browser; it is in the backend's log.
   */
  message: string;
}

/**
 * The regions an ingestion run read one account's regional services (EKS,
 * AWS Backup) in.
 * @public
 */
export interface IngestionAccountRegions {
  accountId: string;
  regions: string[];
  /**
   * `config` when `catalog.providers.awsPlatform.regions` names them for
   * every account; `discovered` when read from the account (the regions it
   * has enabled).
   */
  source: 'config' | 'discovered';
}

/**
 * The last run of one entity provider, as the backend reports it.
 * @public
 */
export interface IngestionProviderStatus {
  provider: string;
  /** ISO 8601 time the last run finished. */
  lastRunAt: string;
  /** `ok` when every scope was read; `partial` when some failed and their entities were kept; `failed` when nothing could be applied. */
  outcome: 'ok' | 'partial' | 'failed';
  durationMs: number;
  entityCount: number;
  failures: IngestionScopeFailure[];
  /**
   * Scopes read in full but for what the account may not read or the
   * service does not serve (e.g. backup selections, shown as unknown).
   * They do not change `outcome`; absent from older backends.
   */
  partialReads?: IngestionScopeFailure[];
  /**
   * The regions read per account, by account id. An account whose regions
   * could not be read is absent here and listed in `failures` as
   * `regions:<account id>`. Absent from older backends.
   */
  regionsRead?: IngestionAccountRegions[];
  /**
   * Accounts whose role evidence disagreed, or whose one-per-organization
   * role (e.g. `network`) another account also got. Absent from older
   * backends.
   */
  roleConflicts?: IngestionRoleConflict[];
  /**
   * The accounts whose tags were read from AWS Organizations this run, and
   * those whose tags were carried from an earlier read
   * (`events.accountTagsMaxAge`). Absent when the organization was not read,
   * and from older backends.
   */
  accountTags?: { read: number; carried: number };
}

/**
 * An account whose role rests on contested evidence.
 * @public
 */
export interface IngestionRoleConflict {
  accountId: string;
  /** The role it was given: the strongest evidence's. */
  role: string;
  /** The evidence for other roles that lost, e.g. `ou:production (OU Production)`. */
  conflicts?: string;
  /** Other accounts given the same one-per-organization role. */
  alsoClaimedBy?: string[];
}

/**
 * Response of `GET /api/aws-platform/ingestion/status`.
 * @public
 */
export interface IngestionStatusResponse {
  providers: IngestionProviderStatus[];
}

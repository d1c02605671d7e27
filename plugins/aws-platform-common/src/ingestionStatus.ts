/**
 * The outcome of reading one scope (an account, region and API) during an
 * ingestion run.
 * @public
 */
export interface IngestionScopeFailure {
  /** Human-readable scope, e.g. `organization`, `account 123456789012 us-east-1 eks`. */
  scope: string;
  /** The error's name, e.g. `AccessDenied` or `TooManyRequestsException`. */
  errorName: string;
  message: string;
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
}

/**
 * Response of `GET /api/aws-platform/ingestion/status`.
 * @public
 */
export interface IngestionStatusResponse {
  providers: IngestionProviderStatus[];
}

import type {
  IngestionAccountRegions,
  IngestionProviderStatus,
  IngestionRoleConflict,
  IngestionScopeFailure,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  browserSafeSummary,
  safeErrorName,
  safeHttpStatus,
} from './browserSafeError';

/**
 * Where the outcome of each entity provider's last run is kept, so that the
 * `aws-platform` plugin can show what failed while the catalog keeps the
 * entities of the last good run. The catalog module keeps it in the
 * catalog's database, so that every backend instance answers the same and
 * a restart loses nothing.
 * @public
 */
export interface IngestionStatusStore {
  /** Keeps a run's outcome, browser-safe (see {@link browserSafeIngestionStatus}). */
  record(status: IngestionProviderStatus): Promise<void>;
  /** The last outcome of every provider, sorted by provider name. */
  list(): Promise<IngestionProviderStatus[]>;
}

/**
 * A run's outcome as it may reach the browser: each failure and partial
 * read is kept as its error's name, HTTP status and scope only (AWS's
 * message, which names role ARNs and other accounts, is in the provider's
 * log), and only the fields of the DTO are kept.
 * @public
 */
export function browserSafeIngestionStatus(
  status: IngestionProviderStatus,
): IngestionProviderStatus {
  return {
    provider: status.provider,
    lastRunAt: status.lastRunAt,
    outcome: status.outcome,
    durationMs: status.durationMs,
    entityCount: status.entityCount,
    failures: status.failures.map(browserSafeFailure),
    ...(status.partialReads && {
      partialReads: status.partialReads.map(browserSafeFailure),
    }),
    ...(status.regionsRead && {
      regionsRead: status.regionsRead.map(regionsOnly),
    }),
    ...(status.roleConflicts && {
      roleConflicts: status.roleConflicts.map(conflictOnly),
    }),
    ...(status.accountTags && {
      accountTags: {
        read: status.accountTags.read,
        carried: status.accountTags.carried,
      },
    }),
  };
}

/** The account's regions and their source, and nothing else a caller may have added. */
function regionsOnly({
  accountId,
  regions,
  source,
}: IngestionAccountRegions): IngestionAccountRegions {
  return { accountId, regions: [...regions], source };
}

function conflictOnly({
  accountId,
  role,
  conflicts,
  alsoClaimedBy,
}: IngestionRoleConflict): IngestionRoleConflict {
  return {
    accountId,
    role,
    ...(conflicts !== undefined && { conflicts }),
    ...(alsoClaimedBy && { alsoClaimedBy: [...alsoClaimedBy] }),
  };
}

function browserSafeFailure(
  failure: IngestionScopeFailure,
): IngestionScopeFailure {
  const errorName = safeErrorName(failure.errorName);
  const httpStatus = safeHttpStatus(failure.httpStatus);
  return {
    scope: failure.scope,
    errorName,
    ...(httpStatus ? { httpStatus } : {}),
    message: browserSafeSummary({ errorName, httpStatus }, failure.scope),
  };
}

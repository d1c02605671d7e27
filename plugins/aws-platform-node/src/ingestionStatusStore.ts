import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type {
  IngestionAccountRegions,
  IngestionProviderStatus,
  IngestionScopeFailure,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  browserSafeSummary,
  safeErrorName,
  safeHttpStatus,
} from './browserSafeError';

/**
 * Keeps the outcome of the last run of each entity provider, so that the
 * `aws-platform` plugin can show what failed while the catalog keeps the
 * entities of the last good run.
 *
 * It lives in memory in the backend instance that ran the task; with several
 * instances, ask the one that holds the scheduler lock, or see each
 * provider's logs.
 */
export class IngestionStatusStore {
  readonly #byProvider = new Map<string, IngestionProviderStatus>();

  /**
   * Keeps a run's outcome. Each failure is kept as its error's name, HTTP
   * status and scope only: AWS's message (role ARNs, other accounts) is in
   * the provider's log and is not kept for the browser.
   */
  record(status: IngestionProviderStatus): void {
    this.#byProvider.set(status.provider, {
      ...status,
      failures: status.failures.map(browserSafeFailure),
      ...(status.partialReads && {
        partialReads: status.partialReads.map(browserSafeFailure),
      }),
      ...(status.regionsRead && {
        regionsRead: status.regionsRead.map(regionsOnly),
      }),
    });
  }

  list(): IngestionProviderStatus[] {
    return [...this.#byProvider.values()].sort((a, b) =>
      a.provider.localeCompare(b.provider),
    );
  }
}

/** The account's regions and their source, and nothing else a caller may have added. */
function regionsOnly({
  accountId,
  regions,
  source,
}: IngestionAccountRegions): IngestionAccountRegions {
  return { accountId, regions: [...regions], source };
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

/** One store per backend, shared by the catalog module and the plugin. */
export const ingestionStatusStoreRef = createServiceRef<IngestionStatusStore>({
  id: 'aws-platform.ingestion-status',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {},
      factory: () => new IngestionStatusStore(),
    }),
});

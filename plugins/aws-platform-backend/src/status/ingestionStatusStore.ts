import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { IngestionProviderStatus } from '@internal/backstage-plugin-aws-platform-common';

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

  record(status: IngestionProviderStatus): void {
    this.#byProvider.set(status.provider, status);
  }

  list(): IngestionProviderStatus[] {
    return [...this.#byProvider.values()].sort((a, b) =>
      a.provider.localeCompare(b.provider),
    );
  }
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

import type { IngestionProviderStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  browserSafeIngestionStatus,
  IngestionStatusStore,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';

/**
 * An ingestion status store in memory, sanitising as the database store
 * does, for tests of the provider that are not about where the status is
 * kept (DatabaseIngestionStatusStore has its own tests).
 */
export function memoryStatusStore(): IngestionStatusStore {
  const byProvider = new Map<string, IngestionProviderStatus>();
  return {
    async record(status) {
      byProvider.set(status.provider, browserSafeIngestionStatus(status));
    },
    async list() {
      return [...byProvider.values()].sort((a, b) =>
        a.provider.localeCompare(b.provider),
      );
    },
  };
}

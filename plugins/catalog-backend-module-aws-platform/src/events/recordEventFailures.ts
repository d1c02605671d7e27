import type { IngestionScopeFailure } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { IngestionStatusStore } from '@aws-platform-suite/backstage-plugin-aws-platform-node';

/**
 * Adds the failures of a re-read on events to the provider's status, so
 * that every replica's status API says which scopes the catalog shows as
 * of before the change: the last refresh's row with these scopes' failures
 * replaced, and `ok` turned `partial`. The next refresh writes its own row.
 * Nothing is recorded before the first refresh has one.
 */
export async function recordEventFailures(
  store: IngestionStatusStore,
  provider: string,
  failures: readonly IngestionScopeFailure[],
): Promise<void> {
  if (failures.length === 0) return;
  const status = (await store.list()).find(s => s.provider === provider);
  if (!status) return;
  const scopes = new Set(failures.map(f => f.scope));
  await store.record({
    ...status,
    outcome: status.outcome === 'ok' ? 'partial' : status.outcome,
    failures: [
      ...status.failures.filter(f => !scopes.has(f.scope)),
      ...failures,
    ],
  });
}

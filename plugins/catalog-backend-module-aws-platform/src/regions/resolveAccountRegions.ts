import type { IngestionAccountRegions } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { mapSettled } from '@aws-platform-suite/backstage-plugin-aws-platform-node';

/** An account whose enabled regions could not be read, and why. */
export interface UnknownAccountRegions {
  accountId: string;
  error: unknown;
}

/** The regions to read each account's regional services in. */
export interface ResolvedAccountRegions {
  /** Accounts whose regions are known: from config, or read from the account. */
  known: IngestionAccountRegions[];
  /** Accounts whose regions could not be read; their regional scopes fail. */
  unknown: UnknownAccountRegions[];
}

/**
 * The regions of every account: the configured `regions` for all when set
 * (no AWS call), otherwise each account's enabled regions, read with bounded
 * concurrency. A failed read is reported for its account, never taken as
 * "no regions", which would remove the account's regional entities.
 */
export async function resolveAccountRegions(
  accountIds: readonly string[],
  options: {
    configured?: readonly string[];
    readEnabledRegions?: (accountId: string) => Promise<string[]>;
    concurrency: number;
  },
): Promise<ResolvedAccountRegions> {
  const { configured, readEnabledRegions } = options;
  if (configured) {
    return {
      known: accountIds.map(accountId => ({
        accountId,
        regions: [...configured],
        source: 'config',
      })),
      unknown: [],
    };
  }
  if (!readEnabledRegions) {
    throw new Error(
      'No regions are configured and there is no reader for the regions accounts have enabled',
    );
  }
  const outcomes = await mapSettled(
    accountIds,
    options.concurrency,
    accountId => readEnabledRegions(accountId),
  );
  const resolved: ResolvedAccountRegions = { known: [], unknown: [] };
  outcomes.forEach((outcome, i) => {
    const accountId = accountIds[i];
    if (outcome.status === 'fulfilled') {
      resolved.known.push({
        accountId,
        regions: outcome.value,
        source: 'discovered',
      });
    } else {
      resolved.unknown.push({ accountId, error: outcome.reason });
    }
  });
  return resolved;
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { IngestionScopeFailure } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  describeAwsError,
  mapSettled,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type {
  AccountTagsRecord,
  AccountTagStore,
} from '../organization/accountTagStore';
import type { IngestionConfig } from '../ingestionConfig';
import { accountWithOwner, resourcesInheriting } from './accountOwner';
import type { AccountTagsChange } from './eventChange';
import {
  AccountChangesOutcome,
  EventOrganization,
  withAccounts,
} from './eventOrganization';
import type { AwsTags } from '../organization/types';

/** Reads one account's tags in AWS Organizations, now. */
export type ReadAccountTags = (
  accountId: string,
) => Promise<Record<string, string>>;

/**
 * Applies changes of accounts' owner tags without the full refresh: each
 * account's tags are read again (one call; what AWS holds now, so a
 * duplicated or reordered event changes nothing), its owner resolved as the
 * refresh resolves it, and its resources without an owner tag of their own
 * follow. A change that can touch the role tag, or whose keys are unknown,
 * asks for the full refresh instead, and nothing is read.
 */
export async function refreshAccountOwners(
  changes: readonly AccountTagsChange[],
  organization: EventOrganization,
  deps: {
    config: IngestionConfig;
    /** The provider's resources of these accounts, as the catalog holds them. */
    resourcesOf(accountIds: ReadonlySet<string>): Promise<Entity[]>;
    readAccountTags?: ReadAccountTags;
    /** Where the tags read are kept for refreshes that carry them. */
    kept?: KeptTags;
    /**
     * Whether resources of a type may be patched with a new owner (not when
     * an adopter's transformer made them); default all.
     */
    patchable?: (type: string) => boolean;
  },
): Promise<AccountChangesOutcome> {
  const none = { organization, entities: [], failures: [] };
  const { config } = deps;
  const ours = changes.filter(
    c =>
      organization.accounts.has(c.accountId) ||
      organization.accounts.has(c.callerAccountId),
  );
  const needFull = ours.filter(
    c =>
      !deps.readAccountTags ||
      !organization.accounts.has(c.accountId) ||
      !c.tagKeys ||
      c.tagKeys.includes(config.roleTagKey),
  );
  if (needFull.length > 0) {
    // The refresh must read these accounts' tags, not carry them.
    await keep(
      deps.kept,
      needFull.map(c => ({ accountId: c.accountId, tags: null })),
      Date.now(),
    );
    return { ...none, fullRefresh: reasonOf(needFull) };
  }
  const toRead = [
    ...new Set(
      ours
        .filter(c => c.tagKeys!.includes(config.ownerTagKey))
        .map(c => c.accountId),
    ),
  ];
  if (toRead.length === 0) return none;
  const { tags, failures } = await readTagsOf(toRead, deps);
  const accounts = new Map(organization.accounts);
  for (const [id, accountTags] of tags) {
    const changed = accountWithOwner(
      organization.accounts.get(id)!,
      accountTags,
      config,
    );
    if (changed) accounts.set(id, changed);
  }
  const changedIds = toRead.filter(
    id => accounts.get(id) !== organization.accounts.get(id),
  );
  if (changedIds.length === 0) return { ...none, failures };
  const inheriting = await inheritingResources(
    changedIds,
    accounts,
    deps.resourcesOf,
  );
  const patchable = deps.patchable ?? (() => true);
  if (inheriting.some(e => !patchable(String(e.spec?.type)))) {
    return {
      ...none,
      failures,
      fullRefresh: `${reasonOf(
        ours,
      )}: an adopter's transformer made resources that inherit the owner`,
    };
  }
  return {
    organization: withAccounts(organization, accounts),
    entities: [...changedIds.map(id => accounts.get(id)!), ...inheriting],
    failures,
  };
}

/**
 * The tags of the accounts, read now (and kept for refreshes that carry
 * them), and the accounts whose read failed.
 */
async function readTagsOf(
  accountIds: readonly string[],
  deps: {
    config: IngestionConfig;
    readAccountTags?: ReadAccountTags;
    kept?: KeptTags;
  },
): Promise<{ tags: Map<string, AwsTags>; failures: IngestionScopeFailure[] }> {
  const readAt = Date.now();
  const read = await mapSettled(accountIds, deps.config.concurrency, id =>
    deps.readAccountTags!(id),
  );
  const tags = new Map<string, AwsTags>();
  const failures: IngestionScopeFailure[] = [];
  read.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') {
      tags.set(accountIds[i], outcome.value);
    } else {
      failures.push({
        scope: `account-tags:${accountIds[i]}`,
        ...describeAwsError(outcome.reason),
      });
    }
  });
  await keep(
    deps.kept,
    [...tags].map(([accountId, accountTags]) => ({
      accountId,
      tags: accountTags,
    })),
    readAt,
  );
  return { tags, failures };
}

/** The held resources of the accounts that inherit their new owner. */
async function inheritingResources(
  accountIds: readonly string[],
  accounts: ReadonlyMap<string, Entity>,
  resourcesOf: (accountIds: ReadonlySet<string>) => Promise<Entity[]>,
): Promise<Entity[]> {
  const held = await resourcesOf(new Set(accountIds));
  return accountIds.flatMap(id =>
    resourcesInheriting(held, id, String(accounts.get(id)!.spec?.owner)),
  );
}

/** The account tag store of the provider, as the event path writes to it. */
export interface KeptTags {
  store: AccountTagStore;
  providerName: string;
  logger: LoggerService;
}

/**
 * Keeps what the event path learnt of accounts' tags. A failure does not
 * stop the change: it is logged, since a refresh may then carry tags older
 * than these until `accountTagsMaxAge` has passed.
 */
async function keep(
  kept: KeptTags | undefined,
  records: AccountTagsRecord[],
  readAt: number,
): Promise<void> {
  if (!kept || records.length === 0) return;
  try {
    await kept.store.record(kept.providerName, records, readAt);
  } catch (error) {
    kept.logger.warn(
      `Could not keep the tags of ${records
        .map(r => r.accountId)
        .join(
          ', ',
        )}; a refresh may carry older ones until they are too old: ${error}`,
    );
  }
}

function reasonOf(changes: readonly AccountTagsChange[]): string {
  const names = new Set(changes.map(c => c.eventName));
  return `${[...names].join(', ')} (tags of ${
    changes.length === 1 ? 'an account' : `${changes.length} accounts`
  })`;
}

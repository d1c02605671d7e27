import type { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  AWS_ENTITY_TYPES,
  IngestionScopeFailure,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  describeAwsError,
  IngestionStatusStore,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  applyTransformers,
  EntityTransformers,
  TransformerKey,
} from '../ingestion/applyTransformers';
import type { CatalogMemory } from '../ingestion/catalogMemory';
import type { ResourceReaders } from '../ingestion/resourceReaders';
import { regionalScopePrefixes, ScopeOutcome } from '../ingestion/scopes';
import type { IngestionConfig } from '../ingestionConfig';
import { accountsWithDelta } from './accountSummaryDelta';
import { readDelegationNeighbourhood } from './delegationNeighbourhood';
import { EventCatalog, withZonesListedOnce } from './eventCatalog';
import type {
  AccountMoveChange,
  AccountTagsChange,
  EventChange,
  OrganizationChange,
  ScopeChange,
} from './eventChange';
import {
  AccountChangesOutcome,
  EventOrganization,
  organizationOfAccounts,
  whyNotRead,
} from './eventOrganization';
import {
  isUnsettled,
  mapChangedScopes,
  readChangedScopes,
} from './readChangedScopes';
import type { AccountTagStore } from '../organization/accountTagStore';
import { refreshNamedZones } from './namedZones/refreshNamedZones';
import type { ReadAccountParent } from '../organization/accountParentReader';
import { refreshAccountMoves } from './refreshAccountMoves';
import { recordEventFailures } from './recordEventFailures';
import { ReadAccountTags, refreshAccountOwners } from './refreshAccountOwners';
import { refOf, replacedByReads, ScopeDelta, scopeDelta } from './scopeDelta';

/** Where a delta goes: the provider's connection to the catalog. */
export interface DeltaTarget {
  /** Applies a `delta` mutation of the provider's own entities. */
  applyDelta(added: Entity[], removedRefs: string[]): Promise<void>;
}

/** What a batch of scope changes came to. */
export interface ScopeRefreshOutcome {
  /** Set when the organization must be refreshed in full instead: why. */
  fullRefresh?: string;
  /** EKS scopes with an operation under way, to read again later. */
  unsettled: ScopeChange[];
  /** Entities added or updated, and removed. */
  added: number;
  removed: number;
  failures: IngestionScopeFailure[];
}

/** The scopes read for one batch. */
interface ChangedReads {
  /** The changed scopes read successfully, with their neighbourhood. */
  changed: ScopeOutcome<unknown>[];
  /** Route 53 scopes read only to judge the changed zones' delegation. */
  neighbours: ScopeOutcome<unknown>[];
  failed: ScopeOutcome<unknown>[];
  isEmitted(entity: Entity): boolean;
}

/** What a {@link ScopeRefresher} needs; each part is the refresh's own. */
export interface ScopeRefresherOptions {
  config: IngestionConfig;
  providerName: string;
  target: DeltaTarget;
  readers: ResourceReaders;
  memory: CatalogMemory;
  catalog: EventCatalog;
  statusStore: IngestionStatusStore;
  transformers: EntityTransformers;
  logger: LoggerService;
  /**
   * Reads an account's tags in the organization; without it, a change of
   * an account's tags asks for the full refresh.
   */
  readAccountTags?: ReadAccountTags;
  /**
   * Reads where an account sits in the organization; without it, a moved
   * account asks for the full refresh.
   */
  readAccountParent?: ReadAccountParent;
  /**
   * Where account tags are kept for refreshes that carry them: tags read
   * here are kept, and accounts whose tags only the refresh can apply are
   * marked to be read.
   */
  accountTags?: AccountTagStore;
}

/**
 * Re-reads the scopes that events say changed, with the refresh's readers,
 * bound and mapping, and applies what changed as one `delta` mutation: the
 * scopes' entities as read now, the removal of those that are gone, and
 * the summaries of the accounts concerned. A scope whose read fails
 * changes nothing (the status says so).
 */
export class ScopeRefresher {
  readonly #o: ScopeRefresherOptions;

  constructor(options: ScopeRefresherOptions) {
    this.#o = options;
  }

  /**
   * Applies one batch. Changes to the organization ask for the full refresh
   * (when their account is in this provider's organization); so does a
   * batch that the catalog cannot map, since it holds no organization of
   * this provider yet.
   */
  async refresh(
    changes: ReadonlyArray<EventChange>,
  ): Promise<ScopeRefreshOutcome> {
    const none = { unsettled: [], added: 0, removed: 0, failures: [] };
    const held = await this.#organization();
    if ('unknown' in held) {
      return { ...none, fullRefresh: held.unknown };
    }
    const owners = await this.#accountOwners(changes, held);
    const moves = await this.#accountMoves(changes, owners.organization);
    const { organization } = moves;
    const fullRefresh = joinReasons(
      this.#organizationChanges(changes, organization),
      owners.fullRefresh,
      moves.fullRefresh,
    );
    const scopes = changes.filter(
      (change): change is ScopeChange =>
        change.kind === 'scope' && this.#isRead(change, organization),
    );
    // The zones the catalog holds, listed once for the batch: the zone by
    // zone path reads them, and the whole-account path when it falls back.
    const catalog = withZonesListedOnce(this.#o.catalog);
    const zones = await this.#namedZones(scopes, organization, catalog);
    const early = {
      added: owners.entities.length + moves.entities.length + zones.added,
      removed: zones.removed,
      failures: [...owners.failures, ...moves.failures, ...zones.failures],
    };
    const readable = scopes.filter(c => !zones.done.has(c));
    if (readable.length === 0) {
      await this.#report(early.failures);
      return { ...none, ...early, ...(fullRefresh && { fullRefresh }) };
    }
    const reads = await this.#read(readable, organization, catalog);
    const failures: IngestionScopeFailure[] = [
      ...early.failures,
      ...reads.failed.map(o => ({
        scope: o.scope.key,
        ...describeAwsError(!o.ok && o.error),
      })),
    ];
    let delta: ScopeDelta = { added: [], removedRefs: [], duplicates: [] };
    try {
      delta = await this.#apply(reads, organization);
    } catch (error) {
      // Nothing was applied: the changed scopes stay as the catalog holds them.
      failures.push(
        ...reads.changed.map(o => ({
          scope: o.scope.key,
          ...describeAwsError(error),
        })),
      );
    }
    failures.push(...delta.duplicates);
    await this.#report(failures);
    return {
      ...(fullRefresh && { fullRefresh }),
      unsettled: readable.filter(change =>
        reads.changed.some(o => o.scope.key === change.key && isUnsettled(o)),
      ),
      added: early.added + delta.added.length,
      removed: early.removed + delta.removedRefs.length,
      failures,
    };
  }

  /**
   * Applies the changes of accounts' owner tags first, so that resources
   * re-read in the same batch are mapped with the new owners.
   */
  #accountOwners(
    changes: ReadonlyArray<EventChange>,
    organization: EventOrganization,
  ): Promise<AccountChangesOutcome> {
    const tagChanges = changes.filter(
      (c): c is AccountTagsChange => c.kind === 'accountTags',
    );
    return this.#applyToAccounts(tagChanges, organization, () =>
      refreshAccountOwners(tagChanges, organization, {
        // Transformed resources cannot be patched: the full refresh applies.
        patchable: type => !this.#o.transformers.has(type as TransformerKey),
        config: this.#o.config,
        resourcesOf: ids => this.#resourcesOf(ids, organization),
        readAccountTags: this.#o.readAccountTags,
        ...(this.#o.accountTags && {
          kept: {
            store: this.#o.accountTags,
            providerName: this.#o.providerName,
            logger: this.#o.logger,
          },
        }),
      }),
    );
  }

  /** Applies accounts moved to other OUs, after the owners, before the resources. */
  #accountMoves(
    changes: ReadonlyArray<EventChange>,
    organization: EventOrganization,
  ): Promise<AccountChangesOutcome> {
    const moves = changes.filter(
      (c): c is AccountMoveChange => c.kind === 'accountMove',
    );
    return this.#applyToAccounts(moves, organization, () =>
      refreshAccountMoves(moves, organization, {
        concurrency: this.#o.config.concurrency,
        organizationalUnits: () =>
          this.#o.catalog.organizationalUnits(organization.ctx.organizationId),
        readAccountParent: this.#o.readAccountParent,
        // A transformed account entity cannot be patched: the full refresh applies.
        patchable: !this.#o.transformers.has(AWS_ENTITY_TYPES.account),
      }),
    );
  }

  /**
   * Runs one kind of account change and applies its entities as a delta.
   * When this fails, the organization stays as held and the changes are
   * reported.
   */
  async #applyToAccounts(
    changes: ReadonlyArray<{ key: string }>,
    organization: EventOrganization,
    run: () => Promise<AccountChangesOutcome>,
  ): Promise<AccountChangesOutcome> {
    if (changes.length === 0) {
      return { organization, entities: [], failures: [] };
    }
    try {
      const outcome = await run();
      if (outcome.entities.length > 0) {
        await this.#o.target.applyDelta(outcome.entities, []);
      }
      return outcome;
    } catch (error) {
      return {
        organization,
        entities: [],
        failures: changes.map(c => ({
          scope: c.key,
          ...describeAwsError(error),
        })),
      };
    }
  }

  /**
   * Applies the Route 53 changes zone by zone where their events allow it
   * (refreshNamedZones), with the summaries of the accounts concerned. The
   * changes in `done` are not read again; when this fails, they count as
   * failed and change nothing.
   */
  async #namedZones(
    scopes: readonly ScopeChange[],
    organization: EventOrganization,
    catalog: EventCatalog,
  ): Promise<{
    done: Set<ScopeChange>;
    added: number;
    removed: number;
    failures: IngestionScopeFailure[];
  }> {
    // A zone transformer's output cannot be patched: read whole, transformed.
    const route53 = this.#o.transformers.has(AWS_ENTITY_TYPES.dnsZone)
      ? []
      : scopes.filter(c => c.service === 'route53');
    try {
      const outcome = await refreshNamedZones(route53, organization, {
        config: this.#o.config,
        readers: this.#o.readers,
        catalog,
      });
      if (outcome.fallback) {
        this.#o.logger.debug(
          `Reading whole accounts' Route 53 on events: ${outcome.fallback}`,
        );
      }
      const accounts =
        outcome.affected.size === 0
          ? []
          : this.#summaries(
              outcome.affected,
              await this.#resourcesOf(outcome.affected, organization),
              outcome,
              organization,
            );
      if (outcome.added.length + outcome.removedRefs.length > 0) {
        await this.#o.target.applyDelta(
          [...outcome.added, ...accounts],
          outcome.removedRefs,
        );
      }
      return {
        done: new Set(outcome.handled),
        added: outcome.added.length,
        removed: outcome.removedRefs.length,
        failures: [],
      };
    } catch (error) {
      return {
        done: new Set(route53),
        added: 0,
        removed: 0,
        failures: route53.map(c => ({
          scope: c.key,
          ...describeAwsError(error),
        })),
      };
    }
  }

  /** The provider's resources of these accounts, as the catalog holds them. */
  #resourcesOf(
    accountIds: ReadonlySet<string>,
    organization: EventOrganization,
  ): Promise<Entity[]> {
    return this.#o.memory.entitiesOfScopes(
      [],
      organization.ctx.organizationId,
      [...accountIds].flatMap(id => [
        `route53:${id}`,
        ...regionalScopePrefixes(id, this.#o.config.services),
      ]),
    );
  }

  /** The account entities of `affected`, summarized with a delta applied to `held`. */
  #summaries(
    affected: ReadonlySet<string>,
    held: readonly Entity[],
    delta: { added: readonly Entity[]; removedRefs: readonly string[] },
    organization: EventOrganization,
  ): Entity[] {
    return accountsWithDelta({
      affected,
      accounts: organization.accounts,
      held,
      added: delta.added,
      removedRefs: delta.removedRefs,
      backupServiceRead: this.#o.config.services.includes('backup'),
    });
  }

  /** The calls that changed this organization, named; undefined if none. */
  #organizationChanges(
    changes: ReadonlyArray<EventChange>,
    organization: EventOrganization,
  ): string | undefined {
    const names = new Set(
      changes.flatMap(change =>
        change.kind === 'organization' &&
        organization.accounts.has(change.accountId) &&
        this.#reads(change as OrganizationChange)
          ? [change.eventName]
          : [],
      ),
    );
    return names.size > 0 ? [...names].join(', ') : undefined;
  }

  /** Whether the refresh reads what the change is about (ECR, Identity Center). */
  #reads(change: OrganizationChange): boolean {
    const { services, identityCenter } = this.#o.config;
    if (change.reads === 'ecr') return services.includes('ecr');
    if (change.reads === 'identityCenter') return identityCenter !== undefined;
    return true;
  }

  #isRead(change: ScopeChange, organization: EventOrganization): boolean {
    const why = whyNotRead(change, organization, this.#o.config);
    if (why) {
      this.#o.logger.debug(`Not reading ${change.key} on an event: ${why}`);
    }
    return !why;
  }

  /** The organization as the catalog holds it, or why it cannot be used. */
  async #organization(): Promise<EventOrganization | { unknown: string }> {
    // The catalog's account entities are what the transformer made of
    // them; resources must be mapped with what the refresh had before.
    if (this.#o.transformers.has('aws-account')) {
      return { unknown: 'an aws-account transformer is set' };
    }
    try {
      return organizationOfAccounts(
        await this.#o.catalog.accounts(),
        this.#o.config.ownerTagKey,
      );
    } catch (error) {
      return { unknown: `the catalog could not list the accounts: ${error}` };
    }
  }

  /** Reads the changed scopes, then the zones around changed delegations. */
  async #read(
    changes: ScopeChange[],
    organization: EventOrganization,
    catalog: EventCatalog,
  ): Promise<ChangedReads> {
    const first = await readChangedScopes(
      this.#o.readers,
      changes,
      this.#o.config,
    );
    const dns = await readDelegationNeighbourhood({
      changes,
      outcomes: first,
      organization,
      config: this.#o.config,
      readers: this.#o.readers,
      catalog,
    });
    const failed = first.filter(
      o => !o.ok || dns.failedScopes.has(o.scope.key),
    );
    const changed = first.filter(o => !failed.includes(o));
    return {
      changed,
      neighbours: dns.neighbours,
      failed: failed.map(
        (o): ScopeOutcome<unknown> =>
          o.ok ? { scope: o.scope, ok: false, error: dns.error } : o,
      ),
      isEmitted: dns.isEmitted,
    };
  }

  /** Maps what was read, and applies it with the accounts' summaries. */
  async #apply(
    reads: ChangedReads,
    organization: EventOrganization,
  ): Promise<ScopeDelta> {
    const mapped = mapChangedScopes(
      [...reads.changed, ...reads.neighbours],
      organization.ctx,
      { config: this.#o.config, today: new Date() },
    ).filter(reads.isEmitted);
    const fresh = await applyTransformers(mapped, this.#o.transformers);
    const affected = new Set([
      ...reads.changed.map(o => o.scope.accountId),
      ...fresh.map(
        e => e.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] ?? '',
      ),
    ]);
    const held = await this.#resourcesOf(affected, organization);
    const heldRefs = new Set(held.map(refOf));
    const others = await this.#o.catalog.entitiesByRefs(
      fresh
        .filter(e => !heldRefs.has(refOf(e)))
        .map(e => stringifyEntityRef(e)),
    );
    const delta = scopeDelta({
      isReplaced: replacedByReads(reads.changed.map(o => o.scope)),
      fresh,
      held,
      others,
    });
    const accounts = this.#summaries(affected, held, delta, organization);
    if (delta.added.length + delta.removedRefs.length > 0) {
      await this.#o.target.applyDelta(
        [...delta.added, ...accounts],
        delta.removedRefs,
      );
    }
    return delta;
  }

  async #report(failures: IngestionScopeFailure[]): Promise<void> {
    for (const failure of failures) {
      this.#o.logger.error(
        `Re-reading ${failure.scope} on an event: ${failure.errorName}: ${failure.message}. What the catalog holds of it stays until it is read.`,
      );
    }
    await recordEventFailures(
      this.#o.statusStore,
      this.#o.providerName,
      failures,
    ).catch(error =>
      this.#o.logger.warn(
        `Could not record the failures in the status: ${error}`,
      ),
    );
  }
}

/** Both reasons for a full refresh, or the one there is. */
function joinReasons(
  ...reasons: Array<string | undefined>
): string | undefined {
  const given = reasons.filter(Boolean);
  return given.length > 0 ? given.join('; ') : undefined;
}

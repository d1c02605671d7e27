import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { EntityTransformers } from './ingestion/applyTransformers';
import { ControlTowerClient } from './organization/controlTower/ControlTowerClient';
import type { AccountTagStore } from './organization/accountTagStore';
import type { ChangeJournal } from './events/replicas/changeJournal';
import {
  accountTagCounts,
  readWithCarriedTags,
  TagCarrying,
} from './organization/carriedAccountTags';
import { readLandingZone } from './organization/controlTower/readLandingZone';
import type { IngestionStatusStore } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { CatalogMemory } from './ingestion/catalogMemory';
import type { ResourceReaders } from './ingestion/resourceReaders';
import { IngestionRun, runIngestion } from './ingestion/runIngestion';
import { DEFAULT_PROVIDER_ID, IngestionConfig } from './ingestionConfig';
import {
  readOrganization,
  readOrganizationId,
} from './organization/readOrganization';
import { roleConflictsOf } from './organization/roleConflicts';
import {
  ProviderIdentity,
  providerIdentity,
  withProviderId,
} from './providerIdentity';

/**
 * Emits one configured organization (root, OUs, accounts) and what runs in each
 * account (Route 53 zones, EKS clusters, backup vaults and plans). Only a
 * successful read of a scope replaces that scope's entities: a failed scope
 * keeps those of the last good run, a failed organization read or a run that
 * would remove too much applies nothing, and every failure is logged with
 * its scope and kept for the status API. Each section of
 * `catalog.providers.awsPlatform` has its own provider, with its own name,
 * location key, scheduled task, memory and status row.
 */
export class AwsPlatformEntityProvider implements EntityProvider {
  readonly #config: IngestionConfig;
  readonly #identity: ProviderIdentity;
  readonly #clientFactory: AwsClientFactory;
  readonly #readers: ResourceReaders;
  readonly #memory: CatalogMemory;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #statusStore: IngestionStatusStore;
  readonly #accountTags?: AccountTagStore;
  readonly #transformers: EntityTransformers;
  readonly #changeJournal?: Pick<ChangeJournal, 'requeueApplied'>;
  #connection?: EntityProviderConnection;

  constructor(options: {
    config: IngestionConfig;
    clientFactory: AwsClientFactory;
    readers: ResourceReaders;
    memory: CatalogMemory;
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    statusStore: IngestionStatusStore;
    /** Adopters' transformers by entity type, read at every run. */
    transformers?: EntityTransformers;
    /**
     * Where account tags are kept between refreshes; with
     * `events.accountTagsMaxAge`, recent ones are carried, not read.
     */
    accountTags?: AccountTagStore;
    /**
     * With events: the changes they applied, which a refresh puts back to
     * be read again when its older reads may have replaced them.
     */
    changeJournal?: Pick<ChangeJournal, 'requeueApplied'>;
  }) {
    this.#config = options.config;
    this.#identity = providerIdentity(options.config.id);
    this.#clientFactory = options.clientFactory;
    this.#readers = options.readers;
    this.#memory = options.memory;
    this.#logger = options.logger.child({
      target: this.#identity.providerName,
    });
    this.#taskRunner = options.taskRunner;
    this.#statusStore = options.statusStore;
    this.#transformers = options.transformers ?? new Map();
    this.#accountTags = options.accountTags;
    this.#changeJournal = options.changeJournal;
  }

  getProviderName(): string {
    return this.#identity.providerName;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: this.#identity.taskId,
      fn: abortSignal => this.refresh({ abortSignal }),
    });
  }

  /**
   * Applies a `delta` mutation of the provider's own entities: those re-read
   * on events (src/events), under the provider's id and location key.
   */
  async applyDelta(added: Entity[], removedRefs: string[]): Promise<void> {
    if (!this.#connection) {
      throw new Error(
        `${this.#identity.providerName} is not connected to the catalog`,
      );
    }
    const { id, locationKey } = this.#identity;
    await this.#connection.applyMutation({
      type: 'delta',
      added: added.map(entity => ({
        entity: withProviderId(entity, id),
        locationKey,
      })),
      removed: removedRefs.map(entityRef => ({ entityRef, locationKey })),
    });
  }

  /**
   * Reads the organization and its accounts, and replaces the provider's
   * entities. `abortSignal` is the scheduler's: it fires when the run
   * outlives the schedule's timeout.
   */
  async refresh(options: { abortSignal?: AbortSignal } = {}): Promise<void> {
    if (!this.#connection) {
      throw new Error(
        `${this.#identity.providerName} is not connected to the catalog`,
      );
    }
    const startedAt = Date.now();
    const { organization } = this.#config;
    const organizations = () =>
      this.#clientFactory.createClient(OrganizationsClient, {
        accountId: organization.accountId,
        region: organization.region,
      });
    let accountTags: { read: number; carried: number } | undefined;
    const run = await runIngestion({
      config: this.#config,
      readOrganization: async () => {
        const snapshot = await readWithCarriedTags(
          async carriedTags =>
            readOrganization(await organizations(), {
              concurrency: this.#config.concurrency,
              ...(carriedTags && { carriedTags }),
              ...(organization.controlTowerRegion && {
                readLandingZone: async () =>
                  readLandingZone(
                    await this.#clientFactory.createClient(ControlTowerClient, {
                      accountId: organization.accountId,
                      region: organization.controlTowerRegion!,
                    }),
                  ),
              }),
            }),
          this.#tagCarrying(),
        );
        accountTags = accountTagCounts(snapshot);
        return snapshot;
      },
      confirmOrganization: async () =>
        readOrganizationId(await organizations()),
      readers: this.#readers,
      memory: this.#memory,
      today: new Date(),
      transformers: this.#transformers,
    });

    if (options.abortSignal?.aborted) {
      // The scheduler has released the task's lock, so another instance may
      // start a refresh while this one finishes; both are whole snapshots.
      this.#logger.warn(
        `This refresh took ${Math.round(
          (Date.now() - startedAt) / 1000,
        )} s, longer than the schedule's timeout (catalog.providers.awsPlatform${
          this.#config.id === DEFAULT_PROVIDER_ID ? '' : `.${this.#config.id}`
        }.schedule.timeout); raise the timeout (docs/benchmarks.md gives refresh times by organization size)`,
      );
    }
    for (const failure of run.failures) {
      this.#logger.error(
        `Could not read ${failure.scope}; its entities of the last good run are kept. ${failure.errorName}: ${failure.message}`,
      );
    }
    for (const partial of run.partialReads) {
      this.#logger.warn(
        `Read ${partial.scope} in part; what could not be read is shown as unknown. ${partial.errorName}: ${partial.message}`,
      );
    }
    if (run.entities) {
      await this.#connection.applyMutation({
        type: 'full',
        entities: run.entities.map(entity => ({
          entity: withProviderId(entity, this.#identity.id),
          locationKey: this.#identity.locationKey,
        })),
      });
      this.#logger.info(
        `Emitted ${run.entities.length} entities from ${run.scopeCount} scopes (${run.failures.length} failed, ${run.keptCount} entities kept from the last good run)`,
      );
    } else {
      this.#logger.error(
        'Applied nothing this run; the catalog keeps the entities of the last good run',
      );
    }
    await this.#statusStore.record({
      provider: this.#identity.providerName,
      lastRunAt: new Date().toISOString(),
      outcome: outcomeOf(run),
      durationMs: Date.now() - startedAt,
      entityCount: run.entities?.length ?? 0,
      failures: run.failures,
      partialReads: run.partialReads,
      regionsRead: run.regionsRead,
      roleConflicts: roleConflictsOf(run.entities ?? []),
      ...(accountTags && { accountTags }),
    });
    if (run.entities) await this.#requeueOverlappedChanges(startedAt);
  }

  /**
   * Changes from events read while this refresh ran may be older in the
   * catalog now than what they applied: they are read again, by whichever
   * replica takes them from the journal.
   */
  async #requeueOverlappedChanges(startedAt: number): Promise<void> {
    if (!this.#changeJournal) return;
    const again = await this.#changeJournal.requeueApplied(
      this.#identity.providerName,
      startedAt,
      Date.now(),
    );
    if (again > 0) {
      this.#logger.info(
        `Reading again ${again} scopes that events changed while this refresh read`,
      );
    }
  }

  /** Where this provider carries account tags, when events let it. */
  #tagCarrying(): TagCarrying | undefined {
    const maxAgeMs = this.#config.events?.accountTagsMaxAgeMs;
    if (!maxAgeMs || !this.#accountTags) return undefined;
    return {
      store: this.#accountTags,
      providerName: this.#identity.providerName,
      maxAgeMs,
      logger: this.#logger,
    };
  }
}

function outcomeOf(run: IngestionRun): 'ok' | 'partial' | 'failed' {
  if (!run.entities) return 'failed';
  return run.failures.length > 0 ? 'partial' : 'ok';
}

import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  AwsClientFactory,
  describeAwsError,
} from '@internal/backstage-plugin-aws-platform-node';
import type { IngestionStatusStore } from '../status/ingestionStatusStore';
import type { IngestionConfig } from './ingestionConfig';
import { organizationToEntities } from './organization/organizationEntities';
import { readOrganization } from './organization/readOrganization';

const PROVIDER_NAME = 'AwsOrganizationEntityProvider';
const LOCATION_KEY = 'aws-platform:organization';

/**
 * Emits the organization's root, OUs and accounts. A run replaces the
 * provider's entities only after the whole organization was read; when any
 * call fails, the entities of the last good run stay in the catalog and the
 * failure is logged and recorded for the status API.
 */
export class AwsOrganizationEntityProvider implements EntityProvider {
  readonly #config: IngestionConfig;
  readonly #clientFactory: AwsClientFactory;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #statusStore: IngestionStatusStore;
  #connection?: EntityProviderConnection;

  constructor(options: {
    config: IngestionConfig;
    clientFactory: AwsClientFactory;
    logger: LoggerService;
    taskRunner: SchedulerServiceTaskRunner;
    statusStore: IngestionStatusStore;
  }) {
    this.#config = options.config;
    this.#clientFactory = options.clientFactory;
    this.#logger = options.logger.child({ target: PROVIDER_NAME });
    this.#taskRunner = options.taskRunner;
    this.#statusStore = options.statusStore;
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: `${PROVIDER_NAME}:refresh`,
      fn: () => this.refresh(),
    });
  }

  /** Reads the organization and replaces the provider's entities. */
  async refresh(): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog`);
    }
    const startedAt = Date.now();
    const { organization } = this.#config;
    try {
      const client = await this.#clientFactory.createClient(
        OrganizationsClient,
        {
          accountId: organization.accountId,
          region: organization.region,
        },
      );
      const snapshot = await readOrganization(client, {
        concurrency: this.#config.concurrency,
      });
      const entities = organizationToEntities(snapshot, {
        ...this.#config,
        locationRef: `aws-platform:organization/${snapshot.organizationId}`,
      });
      await this.#connection.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: LOCATION_KEY,
        })),
      });
      this.#logger.info(
        `Read organization ${snapshot.organizationId}: ${snapshot.accounts.length} accounts, ${snapshot.organizationalUnits.length} OUs and roots`,
      );
      this.#statusStore.record({
        provider: PROVIDER_NAME,
        lastRunAt: new Date().toISOString(),
        outcome: 'ok',
        durationMs: Date.now() - startedAt,
        entityCount: entities.length,
        failures: [],
      });
    } catch (error) {
      const failure = { scope: 'organization', ...describeAwsError(error) };
      this.#logger.error(
        `Could not read the organization; the catalog keeps the entities of the last good run. ${failure.errorName}: ${failure.message}`,
      );
      this.#statusStore.record({
        provider: PROVIDER_NAME,
        lastRunAt: new Date().toISOString(),
        outcome: 'failed',
        durationMs: Date.now() - startedAt,
        entityCount: 0,
        failures: [failure],
      });
    }
  }
}

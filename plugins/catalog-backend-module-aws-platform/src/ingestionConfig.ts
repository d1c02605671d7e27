import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  AccountRole,
  isAccountRole,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { RESOURCE_SERVICES, ResourceService } from './ingestion/scopes';
import {
  IdentityCenterConfig,
  readIdentityCenterConfig,
} from './identityCenter/identityCenterConfig';
import { EventsConfig, readEventsConfig } from './events/eventsConfig';

/** One organization's section of `catalog.providers.awsPlatform`, typed. */
export interface IngestionConfig {
  /**
   * The section's id: the key under `catalog.providers.awsPlatform`, or
   * `default` for the single-object form.
   */
  id: string;
  organization: {
    accountId?: string;
    region: string;
    /**
     * The organization the catalog may move away from: a run that reads
     * another organization than the last applied one is refused otherwise.
     */
    allowChangeFrom?: string;
    /**
     * The region of the Control Tower landing zone to read role evidence
     * from (its home region); undefined when `controlTower.enabled` is off.
     */
    controlTowerRegion?: string;
  };
  defaultOwner: string;
  ownerTagKey: string;
  roleTagKey: string;
  roleOwners: Partial<Record<AccountRole, string>>;
  roleOverrides: Record<string, AccountRole>;
  concurrency: number;
  /**
   * Regions to read EKS clusters and backups in, the same for every account.
   * Undefined: each account's enabled regions, read at every run.
   */
  regions?: string[];
  /** Services to read in each account. */
  services: ResourceService[];
  /** Accounts whose resources are read at once. */
  accountConcurrency: number;
  /** Accounts whose resources are not read (their account entity stays). */
  excludeAccountIds: string[];
  /** Share of the entities a run may remove before it is refused. */
  maxRemovalShare: number;
  /** Role the Kubernetes plugin assumes in a cluster's account, for its annotations. */
  kubernetesRoleName?: string;
  /** Identity Center ingestion; undefined when not enabled. */
  identityCenter?: IdentityCenterConfig;
  /** CloudTrail events that re-read what changed; undefined when not enabled. */
  events?: EventsConfig;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const CONFIG_KEY = 'catalog.providers.awsPlatform';

/** The id of the single-object form, `catalog.providers.awsPlatform: { defaultOwner, ... }`. */
export const DEFAULT_PROVIDER_ID = 'default';

/** The keys of one organization's section: any of them marks the single-object form. */
const SINGLE_FORM_KEYS: ReadonlySet<string> = new Set([
  'organization',
  'defaultOwner',
  'ownerTagKey',
  'roleTagKey',
  'roleOwners',
  'roleOverrides',
  'concurrency',
  'regions',
  'services',
  'accountConcurrency',
  'excludeAccountIds',
  'maxRemovalShare',
  'kubernetesRoleName',
  'schedule',
]);

/** An id as it may appear in provider names, task ids and location keys. */
const PROVIDER_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Reads every organization's section: `catalog.providers.awsPlatform.<id>`,
 * or the single-object form (0.1's, recognised by any of its keys, e.g.
 * `defaultOwner`) as id `default`. None when the section is absent (the module then ingests
 * nothing). Mistakes fail the backend's start with the key at fault, rather
 * than producing wrong roles or owners at run time.
 */
export function readIngestionConfigs(root: Config): IngestionConfig[] {
  const section = root.getOptionalConfig(CONFIG_KEY);
  if (!section) return [];
  const keys = section.keys();
  if (keys.length === 0 || keys.some(key => SINGLE_FORM_KEYS.has(key))) {
    return [readOne(section, CONFIG_KEY, DEFAULT_PROVIDER_ID)];
  }
  return keys.map(id => {
    if (!PROVIDER_ID.test(id)) {
      throw new InputError(
        `${CONFIG_KEY}.${id}: '${id}' is not a provider id (lower-case letters, digits and '-')`,
      );
    }
    return readOne(section.getConfig(id), `${CONFIG_KEY}.${id}`, id);
  });
}

/**
 * The config of id `default`, or of the only organization; for tools that
 * read one organization (the benchmarks). Undefined when the section is
 * absent.
 */
export function readIngestionConfig(root: Config): IngestionConfig | undefined {
  const configs = readIngestionConfigs(root);
  return (
    configs.find(config => config.id === DEFAULT_PROVIDER_ID) ?? configs[0]
  );
}

/** `roleOwners` and `roleOverrides` of one section, checked. */
function readRoles(
  config: Config,
  key: string,
): Pick<IngestionConfig, 'roleOwners' | 'roleOverrides'> {
  const roleOwners: Partial<Record<AccountRole, string>> = {};
  const owners = config.getOptionalConfig('roleOwners');
  for (const role of owners?.keys() ?? []) {
    roleOwners[checkRole(role, `${key}.roleOwners`)] = owners!.getString(role);
  }
  // A list, because Backstage config keys cannot be all digits.
  const roleOverrides: Record<string, AccountRole> = {};
  for (const [i, override] of (
    config.getOptionalConfigArray('roleOverrides') ?? []
  ).entries()) {
    const accountId = override.getString('accountId');
    if (!/^\d{12}$/.test(accountId)) {
      throw new InputError(
        `${key}.roleOverrides[${i}].accountId: '${accountId}' is not a 12-digit AWS account id`,
      );
    }
    roleOverrides[accountId] = checkRole(
      override.getString('role'),
      `${key}.roleOverrides[${i}].role`,
    );
  }
  return { roleOwners, roleOverrides };
}

function readOne(config: Config, key: string, id: string): IngestionConfig {
  const { roleOwners, roleOverrides } = readRoles(config, key);
  const concurrency = config.getOptionalNumber('concurrency') ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    throw new InputError(
      `${key}.concurrency must be a whole number from 1 to 32`,
    );
  }
  const services = (
    config.getOptionalStringArray('services') ?? [...RESOURCE_SERVICES]
  ).map((service, i) => {
    if (!(RESOURCE_SERVICES as readonly string[]).includes(service)) {
      throw new InputError(
        `${key}.services[${i}]: '${service}' is not one of ${RESOURCE_SERVICES.join(
          ', ',
        )}`,
      );
    }
    return service as ResourceService;
  });
  const maxRemovalShare = config.getOptionalNumber('maxRemovalShare') ?? 0.25;
  if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
    throw new InputError(`${key}.maxRemovalShare must be between 0 and 1`);
  }
  const accountConcurrency =
    config.getOptionalNumber('accountConcurrency') ?? 16;
  if (
    !Number.isInteger(accountConcurrency) ||
    accountConcurrency < 1 ||
    accountConcurrency > 64
  ) {
    throw new InputError(
      `${key}.accountConcurrency must be a whole number from 1 to 64`,
    );
  }
  return {
    id,
    organization: {
      accountId: config.getOptionalString('organization.accountId'),
      region: config.getOptionalString('organization.region') ?? 'us-east-1',
      ...readAllowChangeFrom(config, key),
      ...readControlTower(config),
    },
    defaultOwner: config.getString('defaultOwner'),
    ownerTagKey: config.getOptionalString('ownerTagKey') ?? 'owner',
    roleTagKey: config.getOptionalString('roleTagKey') ?? 'aws-platform/role',
    roleOwners,
    roleOverrides,
    concurrency,
    ...readRegions(config, key),
    services,
    accountConcurrency,
    identityCenter: readIdentityCenterConfig(
      config.getOptionalConfig('identityCenter'),
      key,
    ),
    events: readEventsConfig(config.getOptionalConfig('events'), key),
    excludeAccountIds: config.getOptionalStringArray('excludeAccountIds') ?? [],
    maxRemovalShare,
    kubernetesRoleName: config.getOptionalString('kubernetesRoleName'),
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : { frequency: { minutes: 30 }, timeout: { minutes: 20 } },
  };
}

/** A region name as AWS spells it, e.g. `us-east-1`, `ap-southeast-2`. */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The configured regions, or none: then each account's enabled regions are read. */
function readRegions(config: Config, key: string): { regions?: string[] } {
  const regions = config.getOptionalStringArray('regions');
  if (regions === undefined) return {};
  if (regions.length === 0) {
    // An empty list would read no cluster or backup and remove them all.
    throw new InputError(
      `${key}.regions is empty: list regions, or leave it out to read the regions each account has enabled`,
    );
  }
  for (const [i, region] of regions.entries()) {
    if (!REGION_NAME.test(region)) {
      throw new InputError(
        `${key}.regions[${i}]: '${region}' is not an AWS region name`,
      );
    }
  }
  return { regions: [...new Set(regions)] };
}

/** Organization ids as AWS issues them, e.g. `o-a1b2c3d4e5`. */
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

function readAllowChangeFrom(
  config: Config,
  key: string,
): { allowChangeFrom?: string } {
  const allowChangeFrom = config.getOptionalString(
    'organization.allowChangeFrom',
  );
  if (allowChangeFrom === undefined) return {};
  if (!ORGANIZATION_ID.test(allowChangeFrom)) {
    throw new InputError(
      `${key}.organization.allowChangeFrom: '${allowChangeFrom}' is not an AWS organization id (o-xxxxxxxxxx)`,
    );
  }
  return { allowChangeFrom };
}

function checkRole(value: string, key: string): AccountRole {
  if (!isAccountRole(value)) {
    throw new InputError(
      `${key}: '${value}' is not an account role of the guide`,
    );
  }
  return value;
}

/** `organization.controlTower`: on, in its home region (default the organization's). */
function readControlTower(config: Config): { controlTowerRegion?: string } {
  if (!config.getOptionalBoolean('organization.controlTower.enabled')) {
    return {};
  }
  return {
    controlTowerRegion:
      config.getOptionalString('organization.controlTower.region') ??
      config.getOptionalString('organization.region') ??
      'us-east-1',
  };
}

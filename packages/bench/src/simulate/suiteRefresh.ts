/**
 * One ingestion refresh of the suite, call for call, in virtual time. Each
 * function mirrors the scheduling of the code it names (concurrency, what
 * runs in parallel and what in sequence, page sizes); the pool and the scope
 * list are the suite's own mapSettled and listScopes. Only the AWS calls are
 * simulated (awsModel.ts); mapping entities takes no virtual time.
 */
import { mapSettled } from '@aws-platform-suite/backstage-plugin-aws-platform-node/src/concurrency.ts';
import { listScopes } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/scopes.ts';
import type {
  ResourceService,
  Scope,
} from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/scopes.ts';
import { selectionsOfPlan } from '../estateShape.ts';
import type { AccountShape, EstateShape } from '../estateShape.ts';
import type { AwsModel, CallTarget } from './awsModel.ts';
import type { VirtualClock } from './virtualClock.ts';

/** The ingestion settings the schedule depends on (ingestionConfig.ts). */
export type RefreshSettings = {
  /** `concurrency`: parents and tags read at once in the organization read. */
  concurrency: number;
  /** `accountConcurrency`: the scope pool is twice this. */
  accountConcurrency: number;
  /**
   * The regions read in every account: the configured `regions`, or, with
   * `discoverRegions`, the regions every account turns out to have enabled.
   */
  regions: string[];
  /**
   * No `regions` in config: each account's enabled regions are read first
   * (one EC2 DescribeRegions per account, in its own role).
   */
  discoverRegions?: boolean;
  services: ResourceService[];
  /** The organization is given, not read (the benchmark's suite-eks run). */
  organizationGiven?: boolean;
  /**
   * Every account's tags are carried from an earlier read
   * (`events.accountTagsMaxAge`): only the root's and OUs' are read.
   */
  accountTagsCarried?: boolean;
  /**
   * Read the organization's id again once every scope is read, as the
   * provider does (the benchmark's runner does not).
   */
  confirmOrganization?: boolean;
};

/** When each phase ended, and what failed. */
export type RefreshTimes = {
  organizationMs: number;
  scopesMs: number;
  totalMs: number;
  scopes: number;
  failedScopes: number;
  /** The organization read failed: the run applies nothing. */
  organizationFailed: boolean;
};

const pages = (items: number, pageSize: number) =>
  Math.max(1, Math.ceil(items / pageSize));

/** Pages of one list call, one after another (collectPages over a paginator). */
async function pagesInSequence(
  count: number,
  call: () => Promise<void>,
): Promise<void> {
  for (let page = 0; page < count; page++) await call();
}

/** Like the readers' settleAll: every item runs, the first failure is thrown. */
async function settleAll<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  const results = await mapSettled(items, concurrency, fn);
  for (const result of results) {
    if (result.status === 'rejected') throw result.reason;
  }
}

/** organization/readOrganization.ts: root, OUs breadth first, then tags. */
async function readOrganization(
  aws: AwsModel,
  shape: EstateShape,
  options: {
    concurrency: number;
    region: string;
    accountTagsCarried?: boolean;
  },
): Promise<void> {
  const target: CallTarget = {
    account: shape.accounts[0].id,
    region: options.region,
  };
  const org = (operation: string) => () =>
    aws.call('organizations', operation, target);
  await org('DescribeOrganization')();
  await pagesInSequence(pages(shape.roots, 20), org('ListRoots'));
  // The shape's parents: the root, then its OUs (one level below it).
  const [root, ...ous] = shape.parents;
  for (const level of [[root], ous]) {
    await settleAll(level, options.concurrency, async parent => {
      await Promise.all([
        pagesInSequence(
          pages(parent.ous, 20),
          org('ListOrganizationalUnitsForParent'),
        ),
        pagesInSequence(
          pages(parent.accounts, 20),
          org('ListAccountsForParent'),
        ),
      ]);
    });
  }
  const units = Array.from({ length: shape.roots + shape.ous });
  await settleAll(units, options.concurrency, org('ListTagsForResource'));
  if (!options.accountTagsCarried) {
    await settleAll(
      shape.accounts,
      options.concurrency,
      org('ListTagsForResource'),
    );
  }
  await readDelegatedAdministrators(shape, options.concurrency, org);
}

/**
 * organization/readDelegatedAdministrators.ts: the administrators page by
 * page, then each one's services, `concurrency` at a time.
 */
async function readDelegatedAdministrators(
  shape: EstateShape,
  concurrency: number,
  org: (operation: string) => () => Promise<void>,
): Promise<void> {
  const admins = shape.delegatedAdministrators ?? [];
  await pagesInSequence(
    pages(admins.length, 20),
    org('ListDelegatedAdministrators'),
  );
  await settleAll(admins, concurrency, services =>
    pagesInSequence(
      pages(services, 20),
      org('ListDelegatedServicesForAccount'),
    ),
  );
}

/**
 * regions/resolveAccountRegions.ts: every account's DescribeRegions (asked
 * in the organization's region), `accountConcurrency` at a time. The ids
 * of the accounts whose regions could not be read.
 */
async function discoverRegions(
  aws: AwsModel,
  accountIds: string[],
  options: { accountConcurrency: number; region: string },
): Promise<Set<string>> {
  const outcomes = await mapSettled(
    accountIds,
    options.accountConcurrency,
    account =>
      aws.call('ec2', 'DescribeRegions', { account, region: options.region }),
  );
  return new Set(
    accountIds.filter((_, i) => outcomes[i].status === 'rejected'),
  );
}

/** dns/readHostedZones.ts: zones, then NS records and tag batches, 4 at a time. */
async function readHostedZones(
  aws: AwsModel,
  account: AccountShape,
): Promise<void> {
  const target = { account: account.id, region: 'us-east-1' };
  const route53 = (operation: string) => () =>
    aws.call('route53', operation, target);
  const zones = account.zoneRecords;
  await pagesInSequence(pages(zones.length, 100), route53('ListHostedZones'));
  await settleAll(zones, 4, records =>
    pagesInSequence(pages(records, 300), route53('ListResourceRecordSets')),
  );
  const batches = Array.from({ length: Math.ceil(zones.length / 10) });
  await settleAll(batches, 4, route53('ListTagsForResources'));
}

/**
 * eks/readClusters.ts: clusters; then the SSM markers beside the clusters'
 * shells (4 at a time); then node groups and add-ons in one queue of 4.
 */
async function readClusters(
  aws: AwsModel,
  account: AccountShape,
  region: string,
): Promise<void> {
  const target = { account: account.id, region };
  const eks = (operation: string) => () => aws.call('eks', operation, target);
  const clusters = account.clusters;
  await pagesInSequence(pages(clusters.length, 100), eks('ListClusters'));
  if (clusters.length === 0) return;
  await Promise.all([
    pagesInSequence(pages(account.flightdeckParameters, 10), () =>
      aws.call('ssm', 'GetParametersByPath', target),
    ),
    settleAll(clusters, 4, async cluster => {
      await eks('DescribeCluster')();
      await pagesInSequence(
        pages(cluster.nodegroups, 100),
        eks('ListNodegroups'),
      );
      await pagesInSequence(pages(cluster.addons, 100), eks('ListAddons'));
    }),
  ]);
  const details = clusters.flatMap(cluster => [
    ...Array.from({ length: cluster.nodegroups }, () =>
      eks('DescribeNodegroup'),
    ),
    ...Array.from({ length: cluster.addons }, () => eks('DescribeAddon')),
  ]);
  await settleAll(details, 4, describe => describe());
}

/** backup/readBackup.ts: both lists at once, then vaults and plans 4 at a time. */
async function readBackup(
  aws: AwsModel,
  account: AccountShape,
  region: string,
): Promise<void> {
  const target = { account: account.id, region };
  const backup = (operation: string) => () =>
    aws.call('backup', operation, target);
  await Promise.all([
    pagesInSequence(pages(account.vaults, 1000), backup('ListBackupVaults')),
    pagesInSequence(pages(account.plans, 1000), backup('ListBackupPlans')),
  ]);
  const jobs = [
    ...Array.from({ length: account.vaults }, () => backup('ListTags')),
    ...Array.from({ length: account.plans }, (_, plan) => async () => {
      await backup('GetBackupPlan')();
      const selections = selectionsOfPlan(account, plan);
      await pagesInSequence(
        pages(selections, 1000),
        backup('ListBackupSelections'),
      );
      await pagesInSequence(selections, backup('GetBackupSelection'));
      await backup('ListTags')();
    }),
  ];
  await settleAll(jobs, 4, job => job());
}

/** ecr/readRepositories.ts: the repositories, then each policy, 4 at a time. */
async function readRepositories(
  aws: AwsModel,
  account: AccountShape,
  region: string,
): Promise<void> {
  const target = { account: account.id, region };
  await pagesInSequence(pages(account.repositories, 1000), () =>
    aws.call('ecr', 'DescribeRepositories', target),
  );
  await settleAll(Array.from({ length: account.repositories }), 4, () =>
    aws.call('ecr', 'GetRepositoryPolicy', target),
  );
}

/** An empty account: what the suite reads in a region without resources. */
function emptyIn(account: AccountShape): AccountShape {
  return {
    ...account,
    zoneRecords: [],
    clusters: [],
    flightdeckParameters: 0,
    vaults: 0,
    plans: 0,
    selections: 0,
    repositories: 0,
  };
}

/**
 * ingestion/runIngestion.ts: the organization read, each account's regions
 * when they are discovered, then every scope in listScopes' account-major
 * order through a pool of accountConcurrency × 2,
 * then (AwsPlatformEntityProvider) the organization confirmed.
 * Resources sit in the first region; other regions are read and found empty.
 */
export async function simulateRefresh(
  aws: AwsModel,
  clock: VirtualClock,
  shape: EstateShape,
  settings: RefreshSettings,
): Promise<RefreshTimes> {
  const started = clock.now;
  aws.phase = 'organization';
  let organizationFailed = false;
  if (!settings.organizationGiven) {
    try {
      await readOrganization(aws, shape, {
        concurrency: settings.concurrency,
        region: settings.regions[0],
        accountTagsCarried: settings.accountTagsCarried,
      });
    } catch {
      organizationFailed = true;
    }
  }
  const organizationMs = clock.now - started;
  if (organizationFailed) {
    return {
      organizationMs,
      scopesMs: 0,
      totalMs: organizationMs,
      scopes: 0,
      failedScopes: 0,
      organizationFailed,
    };
  }

  aws.phase = 'scopes';
  const accounts = new Map(shape.accounts.map(a => [a.id, a]));
  // Configured regions: every account's, with no call. Discovered: an
  // account whose regions cannot be read gets its Route 53 scope only.
  const unknownRegions = settings.discoverRegions
    ? await discoverRegions(aws, [...accounts.keys()], {
        accountConcurrency: settings.accountConcurrency,
        region: settings.regions[0],
      })
    : new Set<string>();
  const scopes = listScopes(
    [...accounts.keys()].map(accountId => ({
      accountId,
      regions: unknownRegions.has(accountId) ? [] : settings.regions,
    })),
    settings.services,
  );
  const readScope = (scope: Scope) => {
    const account = accounts.get(scope.accountId)!;
    const inRegion =
      scope.region === settings.regions[0] ? account : emptyIn(account);
    switch (scope.service) {
      case 'route53':
        return readHostedZones(aws, account);
      case 'eks':
        return readClusters(aws, inRegion, scope.region!);
      case 'backup':
        return readBackup(aws, inRegion, scope.region!);
      case 'ecr':
        return readRepositories(aws, inRegion, scope.region!);
      default:
        throw new Error(`unknown service ${scope.service satisfies never}`);
    }
  };
  const outcomes = await mapSettled(
    scopes,
    settings.accountConcurrency * 2,
    readScope,
  );
  if (settings.confirmOrganization && !settings.organizationGiven) {
    // readOrganizationId: a failure here applies nothing, like a failed read.
    try {
      await aws.call('organizations', 'DescribeOrganization', {
        account: shape.accounts[0].id,
        region: settings.regions[0],
      });
    } catch {
      organizationFailed = true;
    }
  }
  return {
    organizationMs,
    scopesMs: clock.now - started - organizationMs,
    totalMs: clock.now - started,
    scopes: scopes.length,
    failedScopes:
      unknownRegions.size +
      outcomes.filter(o => o.status === 'rejected').length,
    organizationFailed,
  };
}

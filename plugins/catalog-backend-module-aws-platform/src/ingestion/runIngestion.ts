import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  IngestionAccountRegions,
  ANNOTATION_AWS_ARN,
  AWS_ENTITY_TYPES,
  IngestionScopeFailure,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  describeAwsError,
  mapSettled,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { backupToEntities } from '../backup/backupEntities';
import { zonesToEntities } from '../dns/dnsEntities';
import { clustersToEntities } from '../eks/clusterEntities';
import type { IngestionConfig } from '../ingestionConfig';
import { distinctEntityRefs } from '../lib/distinctEntityRefs';
import { withAccountAccess } from '../identityCenter/accountAccess';
import {
  isIdentityCenterEntity,
  readIdentityCenterScope,
} from '../identityCenter/identityCenterScope';
import type { OrganizationSnapshot } from '../organization/types';
import { resolveAccountRegions } from '../regions/resolveAccountRegions';
import type { MappingContext } from '../resources/mappingContext';
import { withAccountSummaries } from './accountSummaries';
import { applyTransformers, EntityTransformers } from './applyTransformers';
import type { CatalogMemory } from './catalogMemory';
import {
  holdingsOfRun,
  mapOrganization,
  succeeded,
} from './organizationMapping';
import { checkRemoval, LastAppliedRun } from './removalGuard';
import type { ResourceReaders } from './resourceReaders';
import {
  emitsEntities,
  listScopes,
  regionalScopePrefixes,
  regionsScopeKey,
  Scope,
  ScopeOutcome,
} from './scopes';

/** The result of one ingestion run, before it reaches the catalog. */
export interface IngestionRun {
  /** Every entity to emit; undefined when the run must apply nothing. */
  entities?: Entity[];
  failures: IngestionScopeFailure[];
  /**
   * Scopes read in full except for what the account may not read or the
   * service does not serve (e.g. backup selections); those parts are
   * unknown in the entities. Their entities are this run's, not kept.
   */
  partialReads: IngestionScopeFailure[];
  scopeCount: number;
  /** Entities kept from the last good run because their scope failed now. */
  keptCount: number;
  /** The regions each account was read in (accounts whose regions are unknown are in `failures`). */
  regionsRead: IngestionAccountRegions[];
}

/** What a run needs; each part is replaceable in tests. */
export interface IngestionDependencies {
  config: IngestionConfig;
  readOrganization(): Promise<OrganizationSnapshot>;
  readers: ResourceReaders;
  memory: CatalogMemory;
  today: Date;
  /** Adopters' transformers, by entity type. */
  transformers?: EntityTransformers;
  /**
   * The organization's id, read again once every scope is read. Without it
   * the run is not confirmed.
   */
  confirmOrganization?(): Promise<string>;
}

/**
 * One run: the organization, then every account's Route 53, EKS, Backup and
 * ECR scopes with bounded concurrency, then the accounts' roles (which weigh
 * what each account holds) and the entities. A scope that fails keeps its
 * entities of the last good run (read back from the catalog); a failing
 * organization read, a run that would remove too much or read another
 * organization, or a catalog that cannot say what it holds, applies nothing
 * at all.
 */
export async function runIngestion(
  deps: IngestionDependencies,
): Promise<IngestionRun> {
  const { config } = deps;
  let snapshot: OrganizationSnapshot;
  try {
    snapshot = await deps.readOrganization();
  } catch (error) {
    return nothingApplied(
      [{ scope: 'organization', ...describeAwsError(error) }],
      0,
    );
  }

  const read = await readScopes(deps, snapshot);
  const { scopes, settled, failures, regionsRead } = read;
  // The roles are derived once, after the scopes: what an account holds is
  // evidence of its role, and the resources are mapped with the final roles.
  const { organizationEntities, accountEntities, ctx } = mapOrganization(
    snapshot,
    config,
    holdingsOfRun(snapshot, settled),
  );
  const identity = await readIdentity(deps, snapshot, ctx);
  if ('failure' in identity) failures.push(identity.failure);

  const applyNothing = (failure: IngestionScopeFailure) =>
    nothingApplied([...failures, failure], scopes.length, regionsRead);
  // Scopes that read "nothing" from a source that lost the organization
  // mid-run (an endpoint restored empty, credentials that now reach another
  // organization) look like deleted resources; a small loss would pass the
  // removal guard. So the organization must still answer, as the same one.
  const unconfirmed = await confirmSameOrganization(
    deps.confirmOrganization,
    snapshot.organizationId,
  );
  if (unconfirmed) return applyNothing(unconfirmed);

  // Two resources meeting at one entity name must not fail the refresh.
  const kept = keptScopes(read, identity, config);
  const { entities: mapped, duplicates } = distinctEntityRefs(
    [
      ...mapResources(settled, ctx, {
        allScopesRead: kept.complete,
        config,
        today: deps.today,
      }),
      ...('entities' in identity ? identity.entities : []),
    ],
    organizationEntities,
  );
  failures.push(...duplicates);

  let resources: Entity[];
  try {
    resources = await withKeptEntities(
      mapped,
      kept,
      snapshot.organizationId,
      deps.memory,
    );
  } catch (error) {
    return applyNothing({ scope: 'catalog', ...describeAwsError(error) });
  }

  const entities = await withAccountFacts(deps, {
    read,
    identityRead: identity.read,
    organizationEntities,
    accountEntities,
    mapped,
    resources,
  });
  const refused = await guardRemoval(deps, snapshot.organizationId, entities);
  if (refused) return applyNothing(refused);
  return {
    entities,
    failures,
    partialReads: partialReadsOf(settled),
    scopeCount: scopes.length,
    keptCount: resources.length - mapped.length,
    regionsRead,
  };
}

type ScopesRead = Awaited<ReturnType<typeof readScopes>>;
type IdentityRead = Awaited<ReturnType<typeof readIdentityCenterScope>>;

/** Identity Center, when enabled, with the accounts' final roles. */
function readIdentity(
  deps: IngestionDependencies,
  snapshot: OrganizationSnapshot,
  ctx: MappingContext,
): Promise<IdentityRead> {
  return readIdentityCenterScope({
    config: deps.config.identityCenter,
    read: deps.readers.identityCenter,
    ctx,
    managementAccountId: snapshot.managementAccountId,
    accountIds: snapshot.accounts
      .filter(account => account.status === 'ACTIVE')
      .map(account => account.id),
    concurrency: deps.config.accountConcurrency,
    defaultOwner: deps.config.defaultOwner,
    transformers: deps.transformers,
  });
}

/**
 * The scopes whose entities of the last good run are kept: the failed
 * scopes that emit entities (a failed ECR scope has none), Identity Center's
 * when it failed, and every regional scope of the accounts whose regions
 * are unknown. `complete` when there are none.
 */
function keptScopes(
  read: ScopesRead,
  identity: IdentityRead,
  config: IngestionConfig,
): { scopes: string[]; scopePrefixes: string[]; complete: boolean } {
  const failed = read.failed.filter(o => emitsEntities(o.scope.service));
  return {
    scopes: [
      ...failed.map(o => o.scope.key),
      ...('failure' in identity ? [identity.failure.scope] : []),
    ],
    scopePrefixes: read.regionsUnknown.flatMap(accountId =>
      regionalScopePrefixes(accountId, config.services),
    ),
    complete: failed.length === 0 && read.regionsUnknown.length === 0,
  };
}

/**
 * Every entity of the run: the OUs, the accounts with their summaries (and
 * access, when Identity Center was read) and this run's resources, through
 * the adopters' transformers; then the kept entities, which were
 * transformed in the run that emitted them.
 */
async function withAccountFacts(
  deps: IngestionDependencies,
  run: {
    read: ScopesRead;
    identityRead: boolean;
    organizationEntities: Entity[];
    accountEntities: Entity[];
    mapped: Entity[];
    resources: Entity[];
  },
): Promise<Entity[]> {
  const { config } = deps;
  // An account whose regions are unknown had none of its backups read.
  const failedBackup = new Set([
    ...run.read.failed
      .filter(o => o.scope.service === 'backup')
      .map(o => o.scope.accountId),
    ...run.read.regionsUnknown,
  ]);
  const summarized = withAccountSummaries(
    run.accountEntities,
    run.resources.filter(e => !isIdentityCenterEntity(e)),
    {
      backupRead: accountId =>
        config.services.includes('backup') && !failedBackup.has(accountId),
    },
  );
  // Access facts come from this run's permission sets, or the kept ones.
  const accounts = run.identityRead
    ? withAccountAccess(
        summarized,
        run.resources.filter(isIdentityCenterEntity),
      )
    : summarized;
  return [
    ...(await applyTransformers(
      [
        ...run.organizationEntities.filter(
          e => e.spec?.type !== AWS_ENTITY_TYPES.account,
        ),
        ...accounts,
        ...run.mapped,
      ],
      deps.transformers ?? new Map(),
    )),
    ...run.resources.slice(run.mapped.length),
  ];
}

/** Backup scopes whose plans' selections could not be read, and why. */
function partialReadsOf(
  outcomes: ScopeOutcome<unknown>[],
): IngestionScopeFailure[] {
  return succeeded(outcomes, 'backup').flatMap(({ scope, data }) => {
    const { plans } = data;
    const unread = plans.filter(plan => plan.selectionsUnread);
    if (unread.length === 0) return [];
    const { message, ...error } = unread[0].selectionsUnread!;
    return [
      {
        scope: scope.key,
        ...error,
        message: `the selections of ${unread.length} of ${
          plans.length
        } plans are unknown (${unread
          .map(plan => plan.name)
          .join(', ')}): ${message}`,
      },
    ];
  });
}

/**
 * Every scope of the active, not excluded accounts, in the regions of each
 * (configured, or read from the account), read with bounded concurrency.
 * An account whose regions cannot be read fails as `regions:<account id>`
 * and gets its Route 53 scope only.
 */
async function readScopes(
  deps: IngestionDependencies,
  snapshot: OrganizationSnapshot,
): Promise<{
  scopes: Scope[];
  settled: ScopeOutcome<unknown>[];
  failed: ScopeOutcome<unknown>[];
  failures: IngestionScopeFailure[];
  regionsRead: IngestionAccountRegions[];
  /** Accounts whose enabled regions could not be read. */
  regionsUnknown: string[];
}> {
  const { config } = deps;
  const readable = snapshot.accounts
    .filter(
      account =>
        account.status === 'ACTIVE' &&
        !config.excludeAccountIds.includes(account.id),
    )
    .map(account => account.id);
  const regions = await resolveAccountRegions(readable, {
    configured: config.regions,
    readEnabledRegions: deps.readers.regions
      ? accountId =>
          deps.readers.regions!(accountId, config.organization.region)
      : undefined,
    concurrency: config.accountConcurrency,
  });
  const scopes = listScopes(
    [
      ...regions.known,
      ...regions.unknown.map(({ accountId }) => ({ accountId, regions: [] })),
    ],
    config.services,
  );
  const outcomes = await mapSettled(
    scopes,
    config.accountConcurrency * 2,
    scope => readScope(deps.readers, scope),
  );
  const settled: ScopeOutcome<unknown>[] = outcomes.map((outcome, i) =>
    outcome.status === 'fulfilled'
      ? { scope: scopes[i], ok: true, data: outcome.value }
      : { scope: scopes[i], ok: false, error: outcome.reason },
  );
  const failed = settled.filter(o => !o.ok);
  const failures: IngestionScopeFailure[] = [
    ...regions.unknown.map(({ accountId, error }) => ({
      scope: regionsScopeKey(accountId),
      ...describeAwsError(error),
    })),
    ...failed.map(o => ({
      scope: o.scope.key,
      ...describeAwsError(!o.ok && o.error),
    })),
  ];
  return {
    scopes,
    settled,
    failed,
    failures,
    regionsRead: regions.known,
    regionsUnknown: regions.unknown.map(({ accountId }) => accountId),
  };
}

/**
 * This run's resource entities, then the provider's entities of the failed
 * scopes (and of every scope under the failed prefixes) as the catalog holds
 * them (those this run emitted again win). Throws when the catalog cannot
 * return them.
 */
async function withKeptEntities(
  mapped: Entity[],
  failed: { scopes: string[]; scopePrefixes: string[] },
  organizationId: string,
  memory: CatalogMemory,
): Promise<Entity[]> {
  if (failed.scopes.length === 0 && failed.scopePrefixes.length === 0) {
    return mapped;
  }
  const kept = await memory.entitiesOfScopes(
    failed.scopes,
    organizationId,
    failed.scopePrefixes,
  );
  const emitted = new Set(mapped.map(e => stringifyEntityRef(e)));
  return [...mapped, ...kept.filter(e => !emitted.has(stringifyEntityRef(e)))];
}

/**
 * A failure when the run must not replace the catalog's last applied run:
 * it removes too much, it reads another organization, or the last run
 * cannot be read (unknown is not empty, so the run fails closed).
 */
async function guardRemoval(
  deps: IngestionDependencies,
  organizationId: string,
  entities: Entity[],
): Promise<IngestionScopeFailure | undefined> {
  let last: LastAppliedRun;
  try {
    last = await deps.memory.lastAppliedRun();
  } catch (error) {
    const { errorName, message } = describeAwsError(error);
    return {
      scope: 'catalog',
      errorName,
      message: `the catalog could not say what the last run applied, so nothing is applied: ${message}`,
    };
  }
  const decision = checkRemoval(
    last,
    {
      organizationId,
      refs: entities.map(e => stringifyEntityRef(e)),
      arns: entities.flatMap(
        e => e.metadata.annotations?.[ANNOTATION_AWS_ARN] ?? [],
      ),
    },
    {
      maxRemovalShare: deps.config.maxRemovalShare,
      allowChangeFrom: deps.config.organization.allowChangeFrom,
    },
  );
  if (decision.allowed) return undefined;
  return {
    scope: 'removal-guard',
    errorName: decision.errorName,
    message: decision.reason,
  };
}

/**
 * A failure when the organization no longer answers as the one read first;
 * none when there is no way to ask.
 */
async function confirmSameOrganization(
  confirm: (() => Promise<string>) | undefined,
  organizationId: string,
): Promise<IngestionScopeFailure | undefined> {
  if (!confirm) return undefined;
  try {
    const now = await confirm();
    if (now === organizationId) return undefined;
    return {
      scope: 'organization',
      errorName: 'OrganizationChanged',
      message: `the run began reading organization ${organizationId} and ended in ${now}`,
    };
  } catch (error) {
    return { scope: 'organization', ...describeAwsError(error) };
  }
}

function readScope(readers: ResourceReaders, scope: Scope): Promise<unknown> {
  switch (scope.service) {
    case 'route53':
      return readers.route53(scope.accountId);
    case 'eks':
      return readers.eks(scope.accountId, scope.region!);
    case 'backup':
      return readers.backup(scope.accountId, scope.region!);
    case 'ecr':
      return readers.ecr(scope.accountId, scope.region!);
    default:
      throw new Error(`unknown service ${scope.service satisfies never}`);
  }
}

function mapResources(
  outcomes: ScopeOutcome<unknown>[],
  ctx: MappingContext,
  options: { allScopesRead: boolean; config: IngestionConfig; today: Date },
): Entity[] {
  return [
    ...zonesToEntities(
      succeeded(outcomes, 'route53').map(({ scope, data }) => ({
        accountId: scope.accountId,
        zones: data,
      })),
      ctx,
      { allScopesRead: options.allScopesRead },
    ),
    ...clustersToEntities(
      succeeded(outcomes, 'eks').map(({ scope, data }) => ({
        accountId: scope.accountId,
        region: scope.region!,
        clusters: data,
      })),
      ctx,
      {
        today: options.today,
        assumeRoleName: options.config.kubernetesRoleName,
      },
    ),
    ...backupToEntities(
      succeeded(outcomes, 'backup').map(({ scope, data }) => ({
        accountId: scope.accountId,
        region: scope.region!,
        ...data,
      })),
      ctx,
    ),
  ];
}

function nothingApplied(
  failures: IngestionScopeFailure[],
  scopeCount: number,
  regionsRead: IngestionAccountRegions[] = [],
): IngestionRun {
  return {
    entities: undefined,
    failures,
    partialReads: [],
    scopeCount,
    keptCount: 0,
    regionsRead,
  };
}

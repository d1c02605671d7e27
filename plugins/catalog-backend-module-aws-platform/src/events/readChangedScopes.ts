import { Entity } from '@backstage/catalog-model';
import { mapSettled } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { backupToEntities } from '../backup/backupEntities';
import { zonesToEntities } from '../dns/dnsEntities';
import type { HostedZoneRecord } from '../dns/types';
import { clustersToEntities } from '../eks/clusterEntities';
import type { ClusterRecord } from '../eks/types';
import type { IngestionConfig } from '../ingestionConfig';
import type { ResourceReaders } from '../ingestion/resourceReaders';
import type { Scope, ScopeOutcome } from '../ingestion/scopes';
import type { MappingContext } from '../resources/mappingContext';

/** A scope to read again; EKS's and Backup's may name the only clusters or plans to read. */
type ChangedScope = Scope & {
  clusters?: readonly string[];
  plans?: readonly string[];
};

type Read<K extends 'route53' | 'eks' | 'backup'> = Awaited<
  ReturnType<ResourceReaders[K]>
>;

/**
 * Reads scopes with the refresh's readers and its bound: at most
 * `accountConcurrency * 2` scopes at once. Each outcome is kept, so one
 * failing scope does not hide the others.
 */
export async function readChangedScopes(
  readers: ResourceReaders,
  scopes: readonly ChangedScope[],
  config: Pick<IngestionConfig, 'accountConcurrency'>,
): Promise<ScopeOutcome<unknown>[]> {
  const outcomes = await mapSettled(
    scopes,
    config.accountConcurrency * 2,
    scope => readScope(readers, scope),
  );
  return outcomes.map((outcome, i) =>
    outcome.status === 'fulfilled'
      ? { scope: scopes[i], ok: true, data: outcome.value }
      : { scope: scopes[i], ok: false, error: outcome.reason },
  );
}

function readScope(
  readers: ResourceReaders,
  scope: ChangedScope,
): Promise<unknown> {
  if (scope.service === 'route53') return readers.route53(scope.accountId);
  if (scope.service === 'eks')
    return readers.eks(scope.accountId, scope.region!, scope.clusters);
  if (scope.service === 'backup') {
    return readers.backup(scope.accountId, scope.region!, scope.plans);
  }
  return Promise.reject(new Error(`${scope.key} is not read on events`));
}

/**
 * The entities of scopes read successfully, mapped as a refresh maps them.
 * Route 53 scopes are mapped together, since a zone's delegation is judged
 * against zones of other accounts; the caller has read every account that
 * holds a zone above or below the changed ones, so none is missing.
 */
export function mapChangedScopes(
  outcomes: readonly ScopeOutcome<unknown>[],
  ctx: MappingContext,
  options: { config: IngestionConfig; today: Date },
): Entity[] {
  const ok = outcomes.filter(
    (o): o is Extract<ScopeOutcome<unknown>, { ok: true }> => o.ok,
  );
  const of = (service: Scope['service']) =>
    ok.filter(o => o.scope.service === service);
  return [
    ...zonesToEntities(
      of('route53').map(o => ({
        accountId: o.scope.accountId,
        zones: o.data as Read<'route53'>,
      })),
      ctx,
      { allScopesRead: true },
    ),
    ...clustersToEntities(
      of('eks').map(o => ({
        accountId: o.scope.accountId,
        region: o.scope.region!,
        clusters: o.data as Read<'eks'>,
      })),
      ctx,
      {
        today: options.today,
        assumeRoleName: options.config.kubernetesRoleName,
      },
    ),
    ...backupToEntities(
      of('backup').map(o => ({
        accountId: o.scope.accountId,
        region: o.scope.region!,
        ...(o.data as Read<'backup'>),
      })),
      ctx,
    ),
  ];
}

/** The zones a Route 53 scope read. */
export function zonesOf(outcome: ScopeOutcome<unknown>): HostedZoneRecord[] {
  return outcome.ok && outcome.scope.service === 'route53'
    ? (outcome.data as HostedZoneRecord[])
    : [];
}

const SETTLED_CLUSTER = new Set(['ACTIVE', 'FAILED']);
const SETTLED_PART = new Set([
  'ACTIVE',
  'CREATE_FAILED',
  'DELETE_FAILED',
  'DEGRADED',
]);

/**
 * Whether an EKS scope shows an operation under way (a cluster creating,
 * updating or deleting; a node group or add-on too). CloudTrail records the
 * call that starts it, not its end, so the scope is read again later.
 */
export function isUnsettled(outcome: ScopeOutcome<unknown>): boolean {
  if (!outcome.ok || outcome.scope.service !== 'eks') return false;
  return (outcome.data as ClusterRecord[]).some(
    cluster =>
      !SETTLED_CLUSTER.has(cluster.status) ||
      cluster.nodegroups.some(n => !SETTLED_PART.has(n.status)) ||
      (cluster.addons ?? []).some(
        a => a.status !== undefined && !SETTLED_PART.has(a.status),
      ),
  );
}

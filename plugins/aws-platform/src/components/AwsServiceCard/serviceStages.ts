import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_BACKUP_COVERAGE,
  AWS_ENTITY_TYPES,
  BackupCoverage,
  ClusterSpec,
  clusterSpecOf,
  isAwsAccountEntity,
  isDnsZoneEntity,
  isEksClusterEntity,
  LABEL_ACCOUNT_ROLE,
  PlanSpec,
  planSpecOf,
  vaultSpecOf,
  ZoneSpec,
  zoneSpecOf,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { BackupFrequency, backupFrequency } from './backupFrequency';

/*
 * The AWS card of a service groups what the component depends on by AWS
 * account: one stage per account, with its clusters, zones, hosts and
 * backups. Pure functions of the entities read from the catalog, so that
 * they are tested without rendering.
 */

/** An entity of the suite, as the card links to it. */
export interface StagePart<Spec> {
  entityRef: string;
  title: string;
  /** The spec block the card reads; undefined when the entity lacks it. */
  spec?: Spec;
}

/** A host of the service (one of its links) served from a stage's zone. */
export interface StageHost {
  host: string;
  url: string;
}

/**
 * What the card says about a stage's backups, in one line. `frequency` is
 * undefined when the account's coverage says so but its plans are not in
 * the catalog; `selectionsUnknown` when the plans' resource selections
 * could not be read.
 */
export type StageBackup =
  /** Plans back up and copy into the Backup account. */
  | {
      state: 'copied';
      frequency?: BackupFrequency;
      selectionsUnknown: boolean;
    }
  /** Plans back up, but copy into other accounts only (their ids). */
  | {
      state: 'copied-elsewhere';
      frequency?: BackupFrequency;
      accountIds: string[];
      selectionsUnknown: boolean;
    }
  /** Plans back up, but copy nowhere outside the account. */
  | {
      state: 'not-copied';
      frequency?: BackupFrequency;
      selectionsUnknown: boolean;
    }
  /** Plans exist but select no resources. */
  | { state: 'no-selection' }
  /** No plan (or none with rules). */
  | { state: 'none' }
  /** The account's backups could not be read. */
  | { state: 'unknown' };

/** Where the newest recovery point of a stage's backups would be. */
export interface RecoveryPointSource {
  /** The vault entity the plan's rule writes to. */
  vaultRef: string;
  /** The plan's id, to pick its recovery points from the vault's. */
  planId?: string;
}

/** One stage of a service: an AWS account and what the service uses there. */
export interface ServiceStage {
  /** The account id. */
  key: string;
  /**
   * The stage's name: the title of the service's link to a host in the
   * stage's zone ("Staging", as the template writes it), else the
   * account's title or id.
   */
  name: string;
  accountId?: string;
  account?: { entityRef: string; title: string; owner?: string };
  clusters: Array<StagePart<ClusterSpec>>;
  zones: Array<StagePart<ZoneSpec>>;
  hosts: StageHost[];
  backup: StageBackup;
  recoveryPoints?: RecoveryPointSource;
}

/** The stages of a service and the dependencies the catalog lacks. */
export interface ServiceStages {
  stages: ServiceStage[];
  /** Refs of dependencies not in the catalog (or not visible to the user). */
  missing: string[];
}

const accountIdOf = (entity: Entity) =>
  entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];

const titleOf = (entity: Entity) =>
  entity.metadata.title ?? entity.metadata.name;

const isPlan = (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
  entity.spec?.type === AWS_ENTITY_TYPES.backupPlan;

const isVault = (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
  entity.spec?.type === AWS_ENTITY_TYPES.backupVault;

/**
 * Whether a dependency is one the card shows: an account, EKS cluster, DNS
 * zone or backup plan of the suite that names its account.
 */
export function isStageEntity(entity: Entity): boolean {
  return (
    Boolean(accountIdOf(entity)) &&
    (isAwsAccountEntity(entity) ||
      isEksClusterEntity(entity) ||
      isDnsZoneEntity(entity) ||
      isPlan(entity))
  );
}

/** The account ids of the dependencies the card shows, in their order. */
export function stageAccountIds(dependencies: Entity[]): string[] {
  const ids: string[] = [];
  for (const entity of dependencies) {
    const id = accountIdOf(entity);
    if (id && isStageEntity(entity) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function inZone(host: string, zone: string): boolean {
  const name = zone.replace(/\.$/, '').toLocaleLowerCase('en-US');
  return host === name || host.endsWith(`.${name}`);
}

function hostsOf(component: Entity): Array<StageHost & { title?: string }> {
  const hosts: Array<StageHost & { title?: string }> = [];
  for (const link of component.metadata.links ?? []) {
    try {
      const url = new URL(link.url);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
      hosts.push({
        host: url.hostname.toLocaleLowerCase('en-US'),
        url: link.url,
        title: link.title,
      });
    } catch {
      // Not a URL: not a host.
    }
  }
  return hosts;
}

function stageBackup(
  account: Entity | undefined,
  plans: Entity[],
  backupAccountIds: Set<string>,
): StageBackup {
  const coverage = account?.metadata.annotations?.[
    ANNOTATION_BACKUP_COVERAGE
  ] as BackupCoverage | undefined;
  const specs = plans
    .map(planSpecOf)
    .filter((spec): spec is PlanSpec => spec !== undefined);
  if (specs.length === 0) {
    // No plan in the catalog: the account's coverage is all there is.
    switch (coverage) {
      case 'covered':
        return { state: 'copied', selectionsUnknown: false };
      case 'no-copy':
        return { state: 'not-copied', selectionsUnknown: false };
      case 'no-selection':
        return { state: 'no-selection' };
      case 'unknown':
        return { state: 'unknown' };
      default:
        return { state: 'none' };
    }
  }
  const rules = specs.flatMap(spec => spec.rules);
  if (rules.length === 0) return { state: 'none' };
  // A plan whose selections were read as none protects nothing; `undefined`
  // selections could not be read, so they are not known to be empty.
  if (
    coverage === 'no-selection' ||
    specs.every(spec => spec.selections && spec.selections.length === 0)
  ) {
    return { state: 'no-selection' };
  }
  const frequency = backupFrequency(rules.map(rule => rule.schedule));
  // The account's coverage says whether a plan that selects resources
  // copies into the Backup account; when the selections could not be read
  // (`unknown`, as the local emulator answers) the plans still show where
  // they copy.
  const selectionsUnknown =
    coverage !== 'covered' && specs.some(spec => spec.selections === undefined);
  const copiesTo = [...new Set(specs.flatMap(spec => spec.copiesToAccounts))];
  if (coverage === 'covered' || copiesTo.some(id => backupAccountIds.has(id))) {
    return { state: 'copied', frequency, selectionsUnknown };
  }
  if (coverage === 'no-copy' || copiesTo.length === 0) {
    return { state: 'not-copied', frequency, selectionsUnknown };
  }
  return {
    state: 'copied-elsewhere',
    frequency,
    accountIds: copiesTo.sort(),
    selectionsUnknown,
  };
}

function recoveryPointSource(
  plans: Entity[],
  vaults: Entity[],
): RecoveryPointSource | undefined {
  for (const plan of plans) {
    const spec = planSpecOf(plan);
    const vaultName = spec?.rules.find(
      rule => rule.targetVaultName,
    )?.targetVaultName;
    if (!spec || !vaultName) continue;
    const vault = vaults.find(candidate => {
      const vaultSpec = vaultSpecOf(candidate);
      return (
        vaultSpec?.name === vaultName &&
        (!spec.region || !vaultSpec.region || vaultSpec.region === spec.region)
      );
    });
    if (vault) {
      return { vaultRef: stringifyEntityRef(vault), planId: spec.id };
    }
  }
  return undefined;
}

/**
 * The stages of a component, one per AWS account among its dependencies,
 * in the order the dependencies are listed.
 *
 * @param component - the component whose card this is.
 * @param dependencies - its dependencies as the catalog returned them.
 * @param related - what the catalog holds about those accounts besides:
 *   their backup plans and vaults, the Backup account(s), and account
 *   entities the component does not depend on itself.
 */
export function toServiceStages(
  component: Entity,
  dependencies: Entity[],
  related: Entity[],
): ServiceStage[] {
  const ids = stageAccountIds(dependencies);
  const all = [...dependencies, ...related];
  const byRef = new Map<string, Entity>();
  for (const entity of all) byRef.set(stringifyEntityRef(entity), entity);
  const entities = [...byRef.values()];
  const backupAccountIds = new Set(
    entities
      .filter(
        entity =>
          isAwsAccountEntity(entity) &&
          entity.metadata.labels?.[LABEL_ACCOUNT_ROLE] === 'backup',
      )
      .map(accountIdOf)
      .filter((id): id is string => Boolean(id)),
  );
  const links = hostsOf(component);
  const dependencyRefs = new Set(dependencies.map(e => stringifyEntityRef(e)));

  return ids.map(id => {
    const inAccount = entities.filter(entity => accountIdOf(entity) === id);
    const account = inAccount.find(isAwsAccountEntity);
    // Clusters and zones are those the service depends on; the account's
    // other clusters and zones are not the service's.
    const used = inAccount.filter(entity =>
      dependencyRefs.has(stringifyEntityRef(entity)),
    );
    const clusters = used.filter(isEksClusterEntity).map(entity => ({
      entityRef: stringifyEntityRef(entity),
      title: titleOf(entity),
      spec: clusterSpecOf(entity),
    }));
    const zones = used.filter(isDnsZoneEntity).map(entity => ({
      entityRef: stringifyEntityRef(entity),
      title: titleOf(entity),
      spec: zoneSpecOf(entity),
    }));
    const zoneNames = zones.map(zone => zone.spec?.name ?? zone.title);
    const hosts = links.filter(link =>
      zoneNames.some(zone => inZone(link.host, zone)),
    );
    // Plans the service depends on, else every plan of the account: a
    // plan selects resources by tag, so the account's plans are the ones
    // that back the service up.
    const dependedPlans = used.filter(isPlan);
    const plans = dependedPlans.length
      ? dependedPlans
      : inAccount.filter(isPlan);
    const backup = stageBackup(account, plans, backupAccountIds);
    const owner =
      account && typeof account.spec?.owner === 'string'
        ? account.spec.owner
        : undefined;
    return {
      key: id,
      name:
        hosts.find(host => host.title)?.title ??
        (account ? titleOf(account) : id),
      accountId: id,
      account: account && {
        entityRef: stringifyEntityRef(account),
        title: titleOf(account),
        owner,
      },
      clusters,
      zones,
      hosts: hosts.map(({ host, url }) => ({ host, url })),
      backup,
      recoveryPoints:
        backup.state === 'copied' ||
        backup.state === 'copied-elsewhere' ||
        backup.state === 'not-copied'
          ? recoveryPointSource(plans, inAccount.filter(isVault))
          : undefined,
    };
  });
}

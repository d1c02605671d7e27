import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_DELEGATION_STATUS,
  ANNOTATION_EKS_VERSION_SUPPORT,
  ANNOTATION_FLIGHTDECK,
} from './annotations';

/*
 * Readers of the `spec` blocks the backend writes on zone, cluster, vault and
 * plan entities (see the backend's README and its *Entities.ts mappers).
 * Catalog data is JSON that adopters' transformers may change, so every
 * reader checks the shape and leaves out what does not fit rather than
 * trusting a cast.
 */

type Json = Record<string, unknown>;

function objectAt(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function stringAt(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function numberAt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

function booleanAt(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function stringsAt(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

function objectsAt(value: unknown): Json[] {
  return Array.isArray(value)
    ? value.map(objectAt).filter((v): v is Json => v !== undefined)
    : [];
}

/**
 * Outcome of a zone's delegation check.
 * @public
 */
export type DelegationStatus =
  | 'in-sync'
  | 'drift'
  | 'not-delegated'
  | 'no-parent'
  | 'unknown';

const DELEGATION_STATUSES: readonly string[] = [
  'in-sync',
  'drift',
  'not-delegated',
  'no-parent',
  'unknown',
];

/**
 * `spec.zone` of a `dns-zone` entity.
 * @public
 */
export interface ZoneSpec {
  name: string;
  private: boolean;
  recordCount?: number;
  nameServers: string[];
  delegation: {
    status: DelegationStatus;
    /** Entity ref of the parent zone. */
    parentZone?: string;
    parentZoneName?: string;
    /** The zone's name servers the parent's NS record lacks. */
    missing: string[];
    /** Values of the parent's NS record that are not the zone's name servers. */
    extra: string[];
  };
}

/**
 * The zone of a `dns-zone` entity, or undefined when it has no `spec.zone`.
 * @public
 */
export function zoneSpecOf(entity: Entity): ZoneSpec | undefined {
  const zone = objectAt(entity.spec?.zone);
  if (!zone) return undefined;
  const delegation = objectAt(zone.delegation) ?? {};
  const status =
    stringAt(delegation.status) ??
    entity.metadata.annotations?.[ANNOTATION_DELEGATION_STATUS];
  return {
    name: stringAt(zone.name) ?? entity.metadata.title ?? entity.metadata.name,
    private: zone.private === true,
    recordCount: numberAt(zone.recordCount),
    nameServers: stringsAt(zone.nameServers),
    delegation: {
      status:
        status && DELEGATION_STATUSES.includes(status)
          ? (status as DelegationStatus)
          : 'unknown',
      parentZone: stringAt(delegation.parentZone),
      parentZoneName: stringAt(delegation.parentZoneName),
      missing: stringsAt(delegation.missing),
      extra: stringsAt(delegation.extra),
    },
  };
}

/**
 * Where a cluster's Kubernetes version stands in EKS's support calendar.
 * @public
 */
export type VersionSupportStatus =
  | 'standard'
  | 'extended'
  | 'unsupported'
  | 'unknown';

/**
 * A managed node group.
 * @public
 */
export interface NodegroupSpec {
  name: string;
  status?: string;
  version?: string;
  instanceTypes: string[];
  desiredSize?: number;
  minSize?: number;
  maxSize?: number;
}

/**
 * An EKS add-on.
 * @public
 */
export interface AddonSpec {
  name: string;
  version?: string;
  status?: string;
}

/**
 * `spec.cluster` of a `kubernetes-cluster` entity.
 * @public
 */
export interface ClusterSpec {
  name: string;
  region?: string;
  version?: string;
  platformVersion?: string;
  status?: string;
  versionSupport: {
    status: VersionSupportStatus;
    endOfStandardSupport?: string;
    endOfExtendedSupport?: string;
  };
  nodegroups: NodegroupSpec[];
  /** Undefined when the add-on API could not be read. */
  addons?: AddonSpec[];
  /** Undefined when SSM could not be read: unknown, not "not Flightdeck". */
  flightdeck?: { detected: boolean; stage?: string; generation?: number };
}

const SUPPORT_STATUSES: readonly string[] = [
  'standard',
  'extended',
  'unsupported',
  'unknown',
];

/**
 * The cluster of a `kubernetes-cluster` entity, or undefined without `spec.cluster`.
 * @public
 */
export function clusterSpecOf(entity: Entity): ClusterSpec | undefined {
  const cluster = objectAt(entity.spec?.cluster);
  if (!cluster) return undefined;
  const annotations = entity.metadata.annotations ?? {};
  const support = objectAt(cluster.versionSupport) ?? {};
  const supportStatus =
    stringAt(support.status) ?? annotations[ANNOTATION_EKS_VERSION_SUPPORT];
  const flightdeck = objectAt(cluster.flightdeck);
  const flightdeckAnnotation = annotations[ANNOTATION_FLIGHTDECK];
  let flightdeckSpec: ClusterSpec['flightdeck'];
  if (flightdeck && typeof flightdeck.detected === 'boolean') {
    flightdeckSpec = {
      detected: flightdeck.detected,
      stage: stringAt(flightdeck.stage),
      generation: numberAt(flightdeck.generation),
    };
  } else if (
    flightdeckAnnotation === 'true' ||
    flightdeckAnnotation === 'false'
  ) {
    flightdeckSpec = { detected: flightdeckAnnotation === 'true' };
  }
  return {
    name:
      stringAt(cluster.name) ?? entity.metadata.title ?? entity.metadata.name,
    region: stringAt(cluster.region),
    version: stringAt(cluster.version),
    platformVersion: stringAt(cluster.platformVersion),
    status: stringAt(cluster.status),
    versionSupport: {
      status:
        supportStatus && SUPPORT_STATUSES.includes(supportStatus)
          ? (supportStatus as VersionSupportStatus)
          : 'unknown',
      endOfStandardSupport: stringAt(support.endOfStandardSupport),
      endOfExtendedSupport: stringAt(support.endOfExtendedSupport),
    },
    nodegroups: objectsAt(cluster.nodegroups).map(group => ({
      name: stringAt(group.name) ?? '',
      status: stringAt(group.status),
      version: stringAt(group.version),
      instanceTypes: stringsAt(group.instanceTypes),
      desiredSize: numberAt(group.desiredSize),
      minSize: numberAt(group.minSize),
      maxSize: numberAt(group.maxSize),
    })),
    addons: Array.isArray(cluster.addons)
      ? objectsAt(cluster.addons).map(addon => ({
          name: stringAt(addon.name) ?? '',
          version: stringAt(addon.version),
          status: stringAt(addon.status),
        }))
      : undefined,
    flightdeck: flightdeckSpec,
  };
}

/**
 * `spec.vault` of an `aws-backup-vault` entity.
 * @public
 */
export interface VaultSpec {
  name: string;
  region?: string;
  vaultType?: string;
  /** Undefined when not reported. */
  locked?: boolean;
  minRetentionDays?: number;
  maxRetentionDays?: number;
  recoveryPoints?: number;
  encryptionKeyArn?: string;
  createdAt?: string;
}

/**
 * The vault of an `aws-backup-vault` entity, or undefined without `spec.vault`.
 * @public
 */
export function vaultSpecOf(entity: Entity): VaultSpec | undefined {
  const vault = objectAt(entity.spec?.vault);
  if (!vault) return undefined;
  return {
    name: stringAt(vault.name) ?? entity.metadata.title ?? entity.metadata.name,
    region: stringAt(vault.region),
    vaultType: stringAt(vault.vaultType),
    locked: booleanAt(vault.locked),
    minRetentionDays: numberAt(vault.minRetentionDays),
    maxRetentionDays: numberAt(vault.maxRetentionDays),
    recoveryPoints: numberAt(vault.recoveryPoints),
    encryptionKeyArn: stringAt(vault.encryptionKeyArn),
    createdAt: stringAt(vault.createdAt),
  };
}

/**
 * When recovery points move to cold storage and expire.
 * @public
 */
export interface LifecycleSpec {
  coldAfterDays?: number;
  deleteAfterDays?: number;
}

/**
 * One rule of a backup plan.
 * @public
 */
export interface BackupRuleSpec {
  name: string;
  targetVaultName?: string;
  targetAirGappedVaultArn?: string;
  schedule?: string;
  scheduleTimezone?: string;
  startWindowMinutes?: number;
  completionWindowMinutes?: number;
  lifecycle?: LifecycleSpec;
  copyActions: Array<{
    destinationVaultArn: string;
    lifecycle?: LifecycleSpec;
  }>;
}

/**
 * Which resources a plan protects.
 * @public
 */
export interface BackupSelectionSpec {
  name: string;
  iamRoleArn?: string;
  tagConditions: Array<{ key: string; value: string; operator?: string }>;
  resources: string[];
  notResources: string[];
}

/**
 * `spec.plan` of an `aws-backup-plan` entity.
 * @public
 */
export interface PlanSpec {
  id?: string;
  name: string;
  region?: string;
  rules: BackupRuleSpec[];
  /** Ids of the other accounts the plan copies recovery points into. */
  copiesToAccounts: string[];
  /** Undefined when the selections could not be read; [] when there are none. */
  selections?: BackupSelectionSpec[];
}

function lifecycleAt(value: unknown): LifecycleSpec | undefined {
  const lifecycle = objectAt(value);
  if (!lifecycle) return undefined;
  const result = {
    coldAfterDays: numberAt(lifecycle.coldAfterDays),
    deleteAfterDays: numberAt(lifecycle.deleteAfterDays),
  };
  return result.coldAfterDays === undefined &&
    result.deleteAfterDays === undefined
    ? undefined
    : result;
}

/**
 * The plan of an `aws-backup-plan` entity, or undefined without `spec.plan`.
 * @public
 */
export function planSpecOf(entity: Entity): PlanSpec | undefined {
  const plan = objectAt(entity.spec?.plan);
  if (!plan) return undefined;
  return {
    id: stringAt(plan.id),
    name: stringAt(plan.name) ?? entity.metadata.title ?? entity.metadata.name,
    region: stringAt(plan.region),
    rules: objectsAt(plan.rules).map(rule => ({
      name: stringAt(rule.name) ?? '',
      targetVaultName: stringAt(rule.targetVaultName),
      targetAirGappedVaultArn: stringAt(rule.targetAirGappedVaultArn),
      schedule: stringAt(rule.schedule),
      scheduleTimezone: stringAt(rule.scheduleTimezone),
      startWindowMinutes: numberAt(rule.startWindowMinutes),
      completionWindowMinutes: numberAt(rule.completionWindowMinutes),
      lifecycle: lifecycleAt(rule.lifecycle),
      copyActions: objectsAt(rule.copyActions)
        .filter(action => stringAt(action.destinationVaultArn))
        .map(action => ({
          destinationVaultArn: String(action.destinationVaultArn),
          lifecycle: lifecycleAt(action.lifecycle),
        })),
    })),
    copiesToAccounts: stringsAt(plan.copiesToAccounts),
    selections: Array.isArray(plan.selections)
      ? objectsAt(plan.selections).map(selection => ({
          name: stringAt(selection.name) ?? '',
          iamRoleArn: stringAt(selection.iamRoleArn),
          tagConditions: objectsAt(selection.tagConditions).map(condition => ({
            key: String(condition.key ?? ''),
            value: String(condition.value ?? ''),
            operator: stringAt(condition.operator),
          })),
          resources: stringsAt(selection.resources),
          notResources: stringsAt(selection.notResources),
        }))
      : undefined,
  };
}

/** `arn:<partition>:backup:<region>:<account>:backup-vault:<name>` */
const VAULT_ARN =
  /^arn:[a-z-]+:backup:([a-z0-9-]+):(\d{12}):backup-vault:([A-Za-z0-9_.-]+)$/;

/**
 * The parts of a backup vault ARN, or undefined if it is none.
 * @public
 */
export function parseVaultArn(
  arn: string,
): { region: string; accountId: string; name: string } | undefined {
  const match = VAULT_ARN.exec(arn);
  return match
    ? { region: match[1], accountId: match[2], name: match[3] }
    : undefined;
}

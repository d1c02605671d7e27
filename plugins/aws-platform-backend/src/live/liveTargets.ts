import {
  ANNOTATION_LOCATION,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  AWS_ENTITY_TYPES,
  isBackupEntity,
  isDnsZoneEntity,
  isEksClusterEntity,
  parseVaultArn,
  planSpecOf,
  zoneSpecOf,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { isSuiteLocationRef } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/*
 * What AWS resource a catalog entity stands for, from the annotations and
 * spec the ingestion writes. Pure; every failure is an InputError (400),
 * since it is the request's entity that does not fit the endpoint.
 *
 * Only entities the suite's own provider emitted are served: anyone who may
 * register a catalog file could otherwise write an entity with another
 * account's ARN and have the backend read that account for them. The
 * catalog sets `backstage.io/managed-by-location` itself for entities read
 * from locations, so a file cannot claim the provider's location.
 */

const ACCOUNT_ID = /^\d{12}$/;
const EKS_CLUSTER_ARN =
  /^arn:aws[a-z-]*:eks:([a-z0-9-]+):(\d{12}):cluster\/([A-Za-z0-9][A-Za-z0-9_-]{0,99})$/;
const HOSTED_ZONE_ARN =
  /^arn:aws[a-z-]*:route53:::hostedzone\/([A-Z0-9]{1,32})$/;
const BACKUP_PLAN_ARN =
  /^arn:aws[a-z-]*:backup:([a-z0-9-]+):(\d{12}):backup-plan:([A-Za-z0-9-]{1,50})$/;

/** An EKS cluster to read. */
export interface ClusterTarget {
  accountId: string;
  region: string;
  name: string;
}

/** A Route 53 hosted zone to read. */
export interface ZoneTarget {
  accountId: string;
  id: string;
  name: string;
  private: boolean;
}

/** An AWS Backup vault or plan to read. */
export type BackupTarget =
  | {
      kind: 'vault';
      accountId: string;
      region: string;
      name: string;
      arn: string;
    }
  | {
      kind: 'plan';
      accountId: string;
      region: string;
      id: string;
      /** Vaults the plan's rules write to (from the catalog), to narrow the job lists. */
      vaultNames: string[];
    };

/**
 * Parses the `entityRef` query parameter: a full ref such as
 * `resource:default/acme-production-v1-715451680876-us-east-1`; the
 * namespace may be left out.
 */
export function parseRequestedRef(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError('The entityRef query parameter is required');
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), { defaultNamespace: 'default' }),
    );
  } catch (error) {
    throw new InputError(`Malformed entityRef ${JSON.stringify(value)}`, error);
  }
}

function refOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

function requireSuiteEntity(entity: Entity): void {
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION] ?? '';
  if (!isSuiteLocationRef(location)) {
    throw new InputError(
      `${refOf(
        entity,
      )} was not ingested by the AWS Platform suite, so it has no live status`,
    );
  }
}

function annotation(entity: Entity, key: string, pattern?: RegExp): string {
  const value = entity.metadata.annotations?.[key];
  if (!value || (pattern && !pattern.test(value))) {
    throw new InputError(`${refOf(entity)} lacks a valid ${key} annotation`);
  }
  return value;
}

/** The EKS cluster of a `kubernetes-cluster` entity. */
export function clusterTargetOf(entity: Entity): ClusterTarget {
  if (!isEksClusterEntity(entity)) {
    throw new InputError(`${refOf(entity)} is not an EKS cluster entity`);
  }
  requireSuiteEntity(entity);
  const accountId = annotation(entity, ANNOTATION_AWS_ACCOUNT_ID, ACCOUNT_ID);
  const [, region, arnAccount, name] = EKS_CLUSTER_ARN.exec(
    annotation(entity, ANNOTATION_AWS_ARN, EKS_CLUSTER_ARN),
  )!;
  if (arnAccount !== accountId) {
    throw new InputError(
      `${refOf(
        entity,
      )}: its ARN names account ${arnAccount}, its ${ANNOTATION_AWS_ACCOUNT_ID} annotation ${accountId}`,
    );
  }
  return { accountId, region, name };
}

/** The hosted zone of a `dns-zone` entity, and the ref of its parent zone if the catalog knows one. */
export function zoneTargetOf(entity: Entity): {
  zone: ZoneTarget;
  parentRef?: string;
} {
  if (!isDnsZoneEntity(entity)) {
    throw new InputError(`${refOf(entity)} is not a DNS zone entity`);
  }
  requireSuiteEntity(entity);
  const accountId = annotation(entity, ANNOTATION_AWS_ACCOUNT_ID, ACCOUNT_ID);
  const [, id] = HOSTED_ZONE_ARN.exec(
    annotation(entity, ANNOTATION_AWS_ARN, HOSTED_ZONE_ARN),
  )!;
  const spec = zoneSpecOf(entity);
  if (!spec) {
    throw new InputError(`${refOf(entity)} has no spec.zone`);
  }
  let parentRef: string | undefined;
  if (spec.delegation.parentZone) {
    try {
      parentRef = stringifyEntityRef(
        parseEntityRef(spec.delegation.parentZone),
      );
    } catch (error) {
      throw new InputError(
        `${refOf(entity)} names a malformed parent zone ${
          spec.delegation.parentZone
        }`,
        error,
      );
    }
  }
  return {
    zone: { accountId, id, name: spec.name, private: spec.private },
    parentRef,
  };
}

/** The vault or plan of an `aws-backup-vault` or `aws-backup-plan` entity. */
export function backupTargetOf(entity: Entity): BackupTarget {
  if (!isBackupEntity(entity)) {
    throw new InputError(
      `${refOf(entity)} is not an AWS Backup vault or plan entity`,
    );
  }
  requireSuiteEntity(entity);
  const accountId = annotation(entity, ANNOTATION_AWS_ACCOUNT_ID, ACCOUNT_ID);
  const arn = annotation(entity, ANNOTATION_AWS_ARN);
  if (entity.spec?.type === AWS_ENTITY_TYPES.backupVault) {
    const vault = parseVaultArn(arn);
    if (!vault || vault.accountId !== accountId) {
      throw new InputError(
        `${refOf(
          entity,
        )} lacks a valid ${ANNOTATION_AWS_ARN} annotation for a vault of account ${accountId}`,
      );
    }
    return {
      kind: 'vault',
      accountId,
      region: vault.region,
      name: vault.name,
      arn,
    };
  }
  const match = BACKUP_PLAN_ARN.exec(arn);
  if (!match || match[2] !== accountId) {
    throw new InputError(
      `${refOf(
        entity,
      )} lacks a valid ${ANNOTATION_AWS_ARN} annotation for a plan of account ${accountId}`,
    );
  }
  const vaultNames = [
    ...new Set(
      (planSpecOf(entity)?.rules ?? []).flatMap(rule =>
        rule.targetVaultName ? [rule.targetVaultName] : [],
      ),
    ),
  ].sort();
  return {
    kind: 'plan',
    accountId,
    region: match[1],
    id: match[3],
    vaultNames,
  };
}

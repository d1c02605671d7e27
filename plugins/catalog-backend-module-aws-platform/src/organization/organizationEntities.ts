import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ACCOUNT_ROLES,
  AccountRole,
  ANNOTATION_ACCOUNT_EMAIL,
  ANNOTATION_ACCOUNT_JOINED,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_ORGANIZATION_ID,
  ANNOTATION_OU_ID,
  ANNOTATION_OU_PATH,
  ANNOTATION_OWNER_SOURCE,
  ANNOTATION_PARENT_ID,
  AWS_ENTITY_TYPES,
  LABEL_ACCOUNT_ROLE,
  LABEL_ACCOUNT_STATUS,
  LABEL_OU,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { scopedEntityName, slugify } from '../lib/entityName';
import { OwnerSettings, resolveOwner } from '../lib/resolveOwner';
import { deriveAccountRoles } from './deriveAccountRoles';
import { roleAnnotations } from './roleAnnotations';
import type { RoleEvidence } from './roleEvidence';
import {
  AccountRecord,
  OrganizationSnapshot,
  OrganizationalUnitRecord,
} from './types';

/** Settings of the organization transformer. */
export interface OrganizationTransformOptions extends OwnerSettings {
  roleTagKey: string;
  roleOverrides: Record<string, AccountRole>;
  /** `backstage.io/managed-by-location` of every emitted entity. */
  locationRef: string;
  /**
   * Role evidence from what each account was read to hold this run, by
   * account id (`roleFromHoldings`); none when the resources are not read.
   */
  holdings?: ReadonlyMap<string, RoleEvidence[]>;
}

/**
 * Maps an organization snapshot to catalog entities: one `Resource` of type
 * `aws-organizational-unit` for the root and each OU, one of type
 * `aws-account` for each account. `spec.partOf` names the parent OU, which
 * the suite's processor turns into `partOf`/`hasPart` relations.
 */
export function organizationToEntities(
  snapshot: OrganizationSnapshot,
  options: OrganizationTransformOptions,
): Entity[] {
  const units = new Map(
    snapshot.organizationalUnits.map(unit => [unit.id, unit]),
  );
  const refOf = (unit: OrganizationalUnitRecord) =>
    stringifyEntityRef({
      kind: 'resource',
      namespace: 'default',
      name: ouEntityName(unit),
    });

  const pathOf = (parentId: string | undefined) => unitPath(units, parentId);

  const baseAnnotations = {
    [ANNOTATION_LOCATION]: options.locationRef,
    [ANNOTATION_ORIGIN_LOCATION]: options.locationRef,
    [ANNOTATION_ORGANIZATION_ID]: snapshot.organizationId,
  };

  const ouEntities = snapshot.organizationalUnits.map((unit): Entity => {
    const path = pathOf(unit.id);
    const parent = unit.parentId ? units.get(unit.parentId) : undefined;
    const owner = resolveOwner(unit.tags, undefined, options);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: ouEntityName(unit),
        title: unit.parentId
          ? unit.name
          : `${unit.name} (organization ${snapshot.organizationId})`,
        description: unit.parentId
          ? `AWS Organizations OU ${path.map(p => p.name).join(' / ')}`
          : `Root of the AWS organization ${snapshot.organizationId}`,
        annotations: {
          ...baseAnnotations,
          [ANNOTATION_AWS_ACCOUNT_ID]: snapshot.managementAccountId,
          [ANNOTATION_AWS_ARN]: unit.arn,
          [ANNOTATION_OU_ID]: unit.id,
          [ANNOTATION_OU_PATH]: path.map(p => p.name).join('/'),
          [ANNOTATION_OWNER_SOURCE]: owner.source,
          ...(unit.parentId && { [ANNOTATION_PARENT_ID]: unit.parentId }),
        },
        labels: ouLabel(path),
        tags: ['aws', 'aws-organizations'],
      },
      spec: {
        type: AWS_ENTITY_TYPES.organizationalUnit,
        owner: owner.owner,
        ...(parent && { partOf: refOf(parent) }),
      },
    };
  });

  const roles = deriveAccountRoles(
    snapshot.accounts,
    snapshot.organizationalUnits,
    {
      managementAccountId: snapshot.managementAccountId,
      roleTagKey: options.roleTagKey,
      roleOverrides: options.roleOverrides,
      landingZone: snapshot.landingZone,
      delegatedAdministrators: snapshot.delegatedAdministrators,
      holdings: options.holdings,
    },
  );

  const accountEntities = snapshot.accounts.map((account): Entity => {
    const path = pathOf(account.parentId);
    const parent = units.get(account.parentId);
    const resolution = roles.get(account.id)!;
    const role = resolution.role;
    const owner = resolveOwner(account.tags, role, options);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: accountEntityName(account),
        title: account.name,
        description: `${ACCOUNT_ROLES[role].title} account: ${ACCOUNT_ROLES[role].description}`,
        annotations: {
          ...baseAnnotations,
          [ANNOTATION_AWS_ACCOUNT_ID]: account.id,
          [ANNOTATION_AWS_ARN]: account.arn,
          [ANNOTATION_ACCOUNT_EMAIL]: account.email,
          ...(account.joinedAt && {
            [ANNOTATION_ACCOUNT_JOINED]: account.joinedAt,
          }),
          [ANNOTATION_PARENT_ID]: account.parentId,
          [ANNOTATION_OU_PATH]: path.map(p => p.name).join('/'),
          ...roleAnnotations(resolution),
          [ANNOTATION_OWNER_SOURCE]: owner.source,
        },
        labels: {
          [LABEL_ACCOUNT_ROLE]: role,
          ...ouLabel(path),
          // Lower case, as core's AwsOrganizationCloudAccountProcessor writes it.
          ...(account.status && {
            [LABEL_ACCOUNT_STATUS]: account.status.toLowerCase(),
          }),
        },
        tags: ['aws', 'aws-account', role],
        links: [
          {
            url: `https://us-east-1.console.aws.amazon.com/organizations/v2/home/accounts/${account.id}`,
            title: 'Account in AWS Organizations',
            icon: 'cloud',
          },
        ],
      },
      spec: {
        type: AWS_ENTITY_TYPES.account,
        owner: owner.owner,
        ...(parent && { partOf: refOf(parent) }),
      },
    };
  });

  return [...ouEntities, ...accountEntities];
}

/** An OU or the root, as far as paths and labels need it. */
export type PathUnit = Pick<OrganizationalUnitRecord, 'name' | 'parentId'>;

/**
 * The OUs from the root down to `parentId`, both included, as the
 * `ou-path` annotation and the OU label name them.
 */
export function unitPath<U extends PathUnit>(
  units: ReadonlyMap<string, U>,
  parentId: string | undefined,
): U[] {
  const path: U[] = [];
  // Bounded: Organizations nests OUs five deep at most.
  for (let id = parentId; id && path.length < 10; ) {
    const unit = units.get(id);
    if (!unit) break;
    path.unshift(unit);
    id = unit.parentId;
  }
  return path;
}

/**
 * Entity name of an account, e.g. `account-210987654321`: the account id
 * only, so that renaming the account changes its title, never its ref.
 */
export function accountEntityName(account: Pick<AccountRecord, 'id'>): string {
  return scopedEntityName({ prefix: 'account', id: account.id });
}

/**
 * Entity name of an OU or root: its id, e.g. `ou-ab12-cdef3456` or `r-ab12`,
 * so that renaming the OU changes its title, never its ref.
 */
export function ouEntityName(
  unit: Pick<OrganizationalUnitRecord, 'id'>,
): string {
  return scopedEntityName({ id: unit.id });
}

/**
 * The label of the top-level OU under the root, for filtering (the root
 * itself has none). Label values follow the rules of names: cut, they must
 * not end in `-`.
 */
export function ouLabel(path: readonly PathUnit[]): Record<string, string> {
  const topLevel = path[1];
  const value =
    topLevel && slugify(topLevel.name).slice(0, 63).replace(/-+$/, '');
  return value ? { [LABEL_OU]: value } : {};
}

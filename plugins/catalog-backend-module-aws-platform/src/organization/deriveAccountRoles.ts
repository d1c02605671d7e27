import type { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { deriveAccountRole, RoleContext } from './deriveAccountRole';
import { RoleResolution } from './resolveAccountRole';
import { AccountRecord, OrganizationalUnitRecord } from './types';

// Roles the guide gives to exactly one account of the organization.
const SINGLETON_ROLES: ReadonlySet<AccountRole> = new Set([
  'management',
  'log-archive',
  'audit',
  'identity',
  'operations',
  'network',
  'backup',
]);

/** A resolution, plus the other accounts that claim the same singleton role. */
export interface AccountRoleResolution extends RoleResolution {
  /** Ids of other accounts given the same one-per-organization role. */
  alsoClaimedBy: string[];
}

/**
 * The role of every account of the organization. A role the guide gives to
 * one account only, claimed by several, stays on each but names the others,
 * and is `low` confidence unless it rests on a high-confidence fact.
 */
export function deriveAccountRoles(
  accounts: Pick<AccountRecord, 'id' | 'name' | 'tags' | 'parentId'>[],
  units: Pick<OrganizationalUnitRecord, 'id' | 'name' | 'parentId'>[],
  context: RoleContext,
): Map<string, AccountRoleResolution> {
  const unitsById = new Map(units.map(unit => [unit.id, unit]));
  const resolutions = accounts.map(account => ({
    id: account.id,
    ...deriveAccountRole(
      {
        ...account,
        ouNamesInnermostFirst: ouNamesOf(account.parentId, unitsById),
      },
      context,
    ),
  }));
  const claimants = new Map<AccountRole, string[]>();
  for (const { id, role } of resolutions) {
    if (SINGLETON_ROLES.has(role)) {
      claimants.set(role, [...(claimants.get(role) ?? []), id]);
    }
  }
  return new Map(
    resolutions.map(({ id, ...resolution }) => {
      const others = (claimants.get(resolution.role) ?? []).filter(
        other => other !== id,
      );
      const contested = others.length > 0 && resolution.confidence !== 'high';
      return [
        id,
        {
          ...resolution,
          confidence: contested ? 'low' : resolution.confidence,
          alsoClaimedBy: others,
        },
      ];
    }),
  );
}

/** The OU names above an account, innermost first; the root has no role. */
export function ouNamesOf(
  parentId: string,
  unitsById: ReadonlyMap<
    string,
    Pick<OrganizationalUnitRecord, 'name' | 'parentId'>
  >,
): string[] {
  const names: string[] = [];
  let unit = unitsById.get(parentId);
  // Bounded: Organizations nests OUs five deep at most.
  while (unit?.parentId && names.length < 10) {
    names.push(unit.name);
    unit = unitsById.get(unit.parentId);
  }
  return names;
}

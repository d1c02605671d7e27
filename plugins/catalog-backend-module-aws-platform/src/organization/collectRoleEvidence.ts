import {
  AccountRole,
  isAccountRole,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { RoleEvidence } from './roleEvidence';
import { roleFromAccountName, roleFromOuPath } from './roleFromNames';
import { roleFromService } from './roleFromServices';
import {
  AccountRecord,
  DelegatedAdministratorRecord,
  LandingZoneRecord,
} from './types';

/** The organization-wide facts role evidence is drawn from. */
export interface RoleContext {
  managementAccountId: string;
  roleTagKey: string;
  roleOverrides: Record<string, AccountRole>;
  landingZone?: LandingZoneRecord;
  delegatedAdministrators?: DelegatedAdministratorRecord[];
  /**
   * What each account holds that points at a role, by account id
   * (`roleFromHoldings`): only from the scopes read in full this run.
   */
  holdings?: ReadonlyMap<string, RoleEvidence[]>;
}

/** An account and the names of the OUs it sits in, innermost first. */
export type RoleSubject = Pick<AccountRecord, 'id' | 'name' | 'tags'> & {
  ouNamesInnermostFirst?: string[];
};

/**
 * Every fact that points the account at a role, strongest first. Pure: the
 * facts were read from AWS beforehand, once per organization (and, for
 * what the accounts hold, once per scope).
 */
export function collectRoleEvidence(
  account: RoleSubject,
  context: RoleContext,
): RoleEvidence[] {
  return [
    ...overrideEvidence(account, context),
    ...tagEvidence(account, context),
    ...managementEvidence(account, context),
    ...landingZoneEvidence(account, context.landingZone),
    ...delegatedAdminEvidence(account, context.delegatedAdministrators),
    ...(context.holdings?.get(account.id) ?? []),
    ...ouEvidence(account),
    ...nameEvidence(account),
  ];
}

function overrideEvidence(account: RoleSubject, context: RoleContext) {
  const role = context.roleOverrides[account.id];
  return role
    ? [{ role, source: 'config' as const, detail: 'roleOverrides' }]
    : [];
}

function tagEvidence(account: RoleSubject, context: RoleContext) {
  const tagged = account.tags[context.roleTagKey]
    ?.trim()
    .toLocaleLowerCase('en-US');
  return isAccountRole(tagged)
    ? [{ role: tagged, source: 'tag' as const, detail: context.roleTagKey }]
    : [];
}

function managementEvidence(account: RoleSubject, context: RoleContext) {
  return account.id === context.managementAccountId
    ? [
        {
          role: 'management' as const,
          source: 'management' as const,
          detail: 'management account of the organization',
        },
      ]
    : [];
}

function landingZoneEvidence(
  account: RoleSubject,
  landingZone: LandingZoneRecord | undefined,
): RoleEvidence[] {
  const evidence: RoleEvidence[] = [];
  if (landingZone?.logArchiveAccountId === account.id) {
    evidence.push({
      role: 'log-archive',
      source: 'landing-zone',
      detail: 'centralizedLogging account of the landing zone',
    });
  }
  if (landingZone?.auditAccountId === account.id) {
    evidence.push({
      role: 'audit',
      source: 'landing-zone',
      detail: 'securityRoles account of the landing zone',
    });
  }
  return evidence;
}

function delegatedAdminEvidence(
  account: RoleSubject,
  administrators: DelegatedAdministratorRecord[] | undefined,
): RoleEvidence[] {
  const services =
    administrators?.find(admin => admin.accountId === account.id)
      ?.servicePrincipals ?? [];
  return [...services].sort().flatMap(service => {
    const role = roleFromService(service);
    return role
      ? [
          {
            role,
            source: 'delegated-admin' as const,
            detail: `delegated administrator of ${service}`,
          },
        ]
      : [];
  });
}

/** What the OUs an account sits in say of its role (at most one fact). */
export function ouEvidence(account: RoleSubject): RoleEvidence[] {
  const byOu = roleFromOuPath(
    account.ouNamesInnermostFirst ?? [],
    account.name,
  );
  return byOu
    ? [{ role: byOu.role, source: 'ou', detail: `OU ${byOu.ou}` }]
    : [];
}

function nameEvidence(account: RoleSubject): RoleEvidence[] {
  const role = roleFromAccountName(account.name);
  return role
    ? [{ role, source: 'name', detail: `account name ${account.name}` }]
    : [];
}

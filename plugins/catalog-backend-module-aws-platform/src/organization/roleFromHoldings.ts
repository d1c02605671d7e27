import type { PlanRecord } from '../backup/types';
import type { HostedZoneRecord } from '../dns/types';
import { repositoryPullers } from '../ecr/repositoryPullers';
import type { RepositoryRecord } from '../ecr/types';
import type { RoleEvidence } from './roleEvidence';

/**
 * What the accounts were read to hold in this run. Only scopes read in full
 * belong here: see `holdingsOfRun`.
 */
export interface AccountHoldings {
  organizationId: string;
  /** Every account of the organization. */
  accountIds: readonly string[];
  /** The hosted zones of each account whose Route 53 was read. */
  zones: ReadonlyArray<{ accountId: string; zones: HostedZoneRecord[] }>;
  /** The backup plans of each account and region whose AWS Backup was read. */
  backup: ReadonlyArray<{ accountId: string; plans: PlanRecord[] }>;
  /** The ECR repositories of each account and region whose ECR was read. */
  repositories: ReadonlyArray<{
    accountId: string;
    repositories: RepositoryRecord[];
  }>;
}

/**
 * Role evidence from what the accounts hold, by account id: the guide's
 * Network account holds the public root zones that delegate subdomains to
 * zones in other accounts; its Backup account the vaults other accounts'
 * plans copy into; its Operations account the ECR repositories other
 * accounts pull from. Every account that fits gets the evidence: two that
 * both look like Network are both claimants, and the resolver reports them
 * (`role-also-claimed-by`), never picks one. Pure.
 */
export function roleFromHoldings(
  holdings: AccountHoldings,
): Map<string, RoleEvidence[]> {
  const members = new Set(holdings.accountIds);
  const evidence = new Map<string, RoleEvidence[]>();
  const add = (accountId: string, item: RoleEvidence) => {
    if (!members.has(accountId)) return;
    evidence.set(accountId, [...(evidence.get(accountId) ?? []), item]);
  };
  for (const [accountId, item] of [
    ...networkEvidence(holdings.zones),
    ...backupEvidence(holdings.backup),
    ...operationsEvidence(
      holdings.repositories,
      holdings.organizationId,
      members,
    ),
  ]) {
    add(accountId, item);
  }
  return evidence;
}

type Found = [accountId: string, evidence: RoleEvidence];

/**
 * Accounts with a public root zone (one no zone of another account
 * delegates to) holding NS records for zones that other accounts hold.
 */
function networkEvidence(read: AccountHoldings['zones']): Found[] {
  const publicZones = read.flatMap(({ accountId, zones }) =>
    zones.filter(zone => !zone.privateZone).map(zone => ({ accountId, zone })),
  );
  const holders = new Map<string, Set<string>>();
  for (const { accountId, zone } of publicZones) {
    holders.set(
      zone.name,
      (holders.get(zone.name) ?? new Set()).add(accountId),
    );
  }
  const heldElsewhere = (name: string, accountId: string) =>
    [...(holders.get(name) ?? [])].filter(holder => holder !== accountId);
  // A zone another account delegates to is a child, whatever it delegates on.
  const children = new Set(
    publicZones.flatMap(({ accountId, zone }) =>
      zone.delegations.flatMap(delegation =>
        heldElsewhere(delegation.name, accountId).map(
          child => `${child} ${delegation.name}`,
        ),
      ),
    ),
  );
  const byAccount = new Map<
    string,
    { roots: Set<string>; subdomains: Set<string>; accounts: Set<string> }
  >();
  for (const { accountId, zone } of publicZones) {
    if (children.has(`${accountId} ${zone.name}`)) continue;
    for (const delegation of zone.delegations) {
      const others = heldElsewhere(delegation.name, accountId);
      if (others.length === 0) continue;
      const found = byAccount.get(accountId) ?? {
        roots: new Set(),
        subdomains: new Set(),
        accounts: new Set(),
      };
      found.roots.add(zone.name);
      found.subdomains.add(delegation.name);
      others.forEach(other => found.accounts.add(other));
      byAccount.set(accountId, found);
    }
  }
  return [...byAccount].map(([accountId, found]) => [
    accountId,
    {
      role: 'network',
      source: 'holdings',
      detail: `public root zone${plural(found.roots.size)} ${[...found.roots]
        .sort()
        .join(', ')} delegate${found.roots.size === 1 ? 's' : ''} ${count(
        found.subdomains.size,
        'subdomain',
      )} to zones of ${count(found.accounts.size, 'other account')}`,
    },
  ]);
}

/**
 * Accounts named by the destination vault ARNs of other accounts' backup
 * plans (copy actions, and logically air-gapped targets).
 */
function backupEvidence(read: AccountHoldings['backup']): Found[] {
  const byAccount = new Map<
    string,
    { vaults: Set<string>; sources: Set<string> }
  >();
  for (const { accountId, plans } of read) {
    for (const rule of plans.flatMap(plan => plan.rules)) {
      const destinations = [
        ...rule.copyActions.map(copy => copy.destinationVaultArn),
        ...(rule.targetAirGappedVaultArn ? [rule.targetAirGappedVaultArn] : []),
      ];
      for (const arn of destinations) {
        const vault = vaultOf(arn);
        if (!vault || vault.accountId === accountId) continue;
        const found = byAccount.get(vault.accountId) ?? {
          vaults: new Set(),
          sources: new Set(),
        };
        found.vaults.add(vault.name);
        found.sources.add(accountId);
        byAccount.set(vault.accountId, found);
      }
    }
  }
  return [...byAccount].map(([accountId, found]) => [
    accountId,
    {
      role: 'backup',
      source: 'holdings',
      detail: `vault${plural(found.vaults.size)} ${[...found.vaults]
        .sort()
        .join(', ')} receive${
        found.vaults.size === 1 ? 's' : ''
      } backup copies from plans of ${count(
        found.sources.size,
        'other account',
      )}`,
    },
  ]);
}

/**
 * Accounts holding ECR repositories whose policy lets other accounts of the
 * organization, or the whole organization, pull.
 */
function operationsEvidence(
  read: AccountHoldings['repositories'],
  organizationId: string,
  members: ReadonlySet<string>,
): Found[] {
  const byAccount = new Map<
    string,
    { repositories: Set<string>; pullers: Set<string>; organization: boolean }
  >();
  for (const { accountId, repositories } of read) {
    for (const repository of repositories) {
      const pullers = repositoryPullers(repository.policy, organizationId);
      const others = pullers.accountIds.filter(
        id => id !== accountId && members.has(id),
      );
      if (others.length === 0 && !pullers.organization) continue;
      const found = byAccount.get(accountId) ?? {
        repositories: new Set(),
        pullers: new Set(),
        organization: false,
      };
      found.repositories.add(repository.name);
      others.forEach(id => found.pullers.add(id));
      found.organization ||= pullers.organization;
      byAccount.set(accountId, found);
    }
  }
  return [...byAccount].map(([accountId, found]) => [
    accountId,
    {
      role: 'operations',
      source: 'holdings',
      detail: `${count(
        found.repositories.size,
        'ECR repository',
        'ECR repositories',
      )} that ${
        found.organization
          ? 'the organization'
          : count(found.pullers.size, 'other account')
      } may pull from`,
    },
  ]);
}

// `arn:aws:backup:us-east-1:111111111111:backup-vault:name`
function vaultOf(arn: string): { accountId: string; name: string } | undefined {
  const match = /^arn:[^:]+:backup:[^:]*:(\d{12}):backup-vault:(.+)$/.exec(arn);
  return match ? { accountId: match[1], name: match[2] } : undefined;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

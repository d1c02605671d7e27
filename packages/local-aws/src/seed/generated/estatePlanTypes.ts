import type { RoleId } from '../conventions.ts';

/** The account role the suite derives when no evidence names one. */
export type PlannedRole = RoleId | 'workload';

/**
 * The evidence a generated account's role is meant to be recognised from:
 * the `role-source` the suite must report for it.
 */
export type PlannedEvidence =
  | 'management'
  | 'delegated-admin'
  | 'holdings'
  | 'ou'
  | 'name'
  | 'default';

/** One member account of a generated estate. */
export type PlannedAccount = {
  name: string;
  /** OU path from the root, e.g. `Apps/Production`. */
  ouPath: string;
  role: PlannedRole;
  evidence: PlannedEvidence;
  /** The `owner` tag; undefined seeds an account with no owner tag. */
  owner: string | undefined;
};

/** A resource the estate holds in one account (by account name). */
export type PlannedZone = { account: string; name: string; owner: string };

/** What the accounts hold that names the Network, Backup or Operations account. */
export type PlannedHoldings = {
  /** The public root zone, and the accounts its subdomains are delegated to. */
  network?: { account: string; delegatedTo: string[] };
  /** The central vault (in the second region), and the accounts whose plans copy into it. */
  backup?: { account: string; copiedFrom: string[] };
  /** The ECR repository, and the accounts allowed to pull from it. */
  operations?: { account: string; pulledBy: string[] };
};

/** One assignment of Identity Center, by account name. */
export type PlannedAssignment = {
  account: string;
  permissionSet: string;
  principalType: 'GROUP' | 'USER';
  principal: string;
};

/** A problem seeded on purpose, which the reviews must flag and nothing else. */
export type SeededProblem =
  | { review: 'ownership'; kind: 'account-not-tagged'; account: string }
  | { review: 'ownership'; kind: 'owner-not-found'; account: string }
  | {
      review: 'ownership';
      kind: 'owner-contradicts-account';
      account: string;
      zone: string;
    }
  | {
      review: 'access';
      kind: 'admin-in-production' | 'direct-user' | 'group-without-members';
      account: string;
      principal: string;
      permissionSet: string;
    }
  | { review: 'access'; kind: 'provisioned-nowhere'; permissionSet: string };

/** Everything a generated estate is made of, before anything is created. */
export type GeneratedEstatePlan = {
  seed: number;
  company: string;
  rootDomain: string;
  /** Two regions: workloads in the first, the central vault in the second. */
  regions: [string, string];
  /** OU paths, parents before children. */
  ouPaths: string[];
  /** The group owning the management and platform accounts (the default owner). */
  platformGroup: string;
  accounts: PlannedAccount[];
  /** Delegated administrators to register, by account name. */
  delegations: { account: string; service: string }[];
  holdings: PlannedHoldings;
  /** Zones outside the delegations (each in its own account's name). */
  zones: PlannedZone[];
  identityCenter: {
    users: Record<string, string>;
    groups: Record<string, string[]>;
    permissionSets: string[];
    assignments: PlannedAssignment[];
  };
  problems: SeededProblem[];
};

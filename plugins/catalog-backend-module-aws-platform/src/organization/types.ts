/**
 * What the suite reads from AWS Organizations, before any mapping. Plain data
 * so that transformers can be tested on fixtures and replaced by adopters.
 */

/** Tags as a key-value map. */
export type AwsTags = Record<string, string>;

/** The root or an OU. */
export interface OrganizationalUnitRecord {
  id: string;
  name: string;
  arn: string;
  /** Undefined for the root. */
  parentId?: string;
  tags: AwsTags;
}

/** A member or management account. */
export interface AccountRecord {
  id: string;
  name: string;
  email: string;
  arn: string;
  status: string;
  /** ISO 8601. */
  joinedAt?: string;
  parentId: string;
  tags: AwsTags;
}

/** One consistent read of an organization. */
export interface OrganizationSnapshot {
  organizationId: string;
  organizationArn: string;
  managementAccountId: string;
  /** The root first, then OUs in breadth-first order. */
  organizationalUnits: OrganizationalUnitRecord[];
  accounts: AccountRecord[];
  /**
   * The accounts registered as delegated administrators, with the service
   * principals each administers. Undefined when they could not be read.
   */
  delegatedAdministrators?: DelegatedAdministratorRecord[];
  /** The Control Tower landing zone, when there is one and it can be read. */
  landingZone?: LandingZoneRecord;
  /**
   * The accounts whose tags were carried from an earlier read instead of
   * read now (`carriedTags` of readOrganization); absent when all were read.
   */
  carriedTagAccounts?: string[];
}

/** An account that administers AWS services for the whole organization. */
export interface DelegatedAdministratorRecord {
  accountId: string;
  /** e.g. `sso.amazonaws.com`, `guardduty.amazonaws.com`. */
  servicePrincipals: string[];
}

/** What a Control Tower landing zone manifest says about the accounts. */
export interface LandingZoneRecord {
  /** `centralizedLogging.accountId` of the manifest. */
  logArchiveAccountId?: string;
  /** `securityRoles.accountId` of the manifest. */
  auditAccountId?: string;
  governedRegions: string[];
}

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
}

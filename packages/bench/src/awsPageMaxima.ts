/**
 * AWS's documented page maxima and credential lifetime, the inputs of the
 * benchmark's minimum (minimum.ts). Each figure is AWS's own, as the
 * reference (shared/reference/aws-platform-guide.md §f) gives it from the
 * services' API models; none is read from the suite's code.
 */

/** The most items one call of each list API returns. */
export const AWS_PAGE_MAXIMA = {
  /**
   * §f.1: ListRoots, ListAccounts, ListAccountsForParent,
   * ListOrganizationalUnitsForParent and ListDelegatedAdministrators take
   * MaxResults 1 to 20 (the Organizations service model). §f.1 does not name
   * ListDelegatedServicesForAccount; it is taken to share the model's
   * MaxResults of 20. ListTagsForResource takes no MaxResults: one call per
   * resource.
   */
  organizations: 20,
  /** §f.2: ListHostedZones, up to 100 zones per response. */
  hostedZones: 100,
  /** §f.2: ListResourceRecordSets, up to 300 record sets per response. */
  recordSets: 300,
  /** §f.2: ListTagsForResources, at most 10 resource ids per call. */
  route53TagResources: 10,
  /** §f.3: ListClusters, ListNodegroups, ListAddons, maxResults 1 to 100. */
  eks: 100,
  /** §f.6: ssm GetParametersByPath, 1 to 10 parameters per call. */
  parametersByPath: 10,
  /**
   * §f.4: ListBackupVaults, ListBackupPlans, ListBackupSelections, ListTags,
   * MaxResults 1 to 1,000.
   */
  backup: 1000,
  /**
   * ECR's DescribeRepositories takes maxResults 1 to 1,000 (the ECR API
   * reference; not in §f, which predates the suite's ECR read).
   * GetRepositoryPolicy is one call per repository.
   */
  ecrRepositories: 1000,
} as const;

/**
 * How long one AssumeRole's credentials last at most without asking the
 * role for more: §f.5, DurationSeconds is capped by the role's maximum
 * session, which is 1 hour unless the role was changed (and a chained
 * session is limited to 1 hour whatever the role says).
 */
export const CREDENTIAL_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Calls to list `items` at `pageSize` a page. Listing nothing is one call:
 * a reader learns there is nothing only by asking.
 */
export function pages(items: number, pageSize: number): number {
  return Math.max(1, Math.ceil(items / pageSize));
}

/** Credential lifetimes a run of `durationMs` spans (at least one). */
export function credentialSessions(durationMs: number): number {
  return Math.max(1, Math.ceil(durationMs / CREDENTIAL_LIFETIME_MS));
}

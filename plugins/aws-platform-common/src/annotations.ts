/**
 * Annotation and label keys the suite reads and writes on catalog entities.
 *
 * The `amazonaws.com/*` keys are the ones Backstage's own AWS catalog
 * module writes (its AwsOrganizationCloudAccountProcessor: account id, ARN,
 * organization id, account e-mail, and the account status as a label), so
 * other AWS plugins understand our entities. Only the suite's own facts live
 * under the suite prefix {@link AWS_PLATFORM_PREFIX}. Until 0.1 the
 * organization id, e-mail and status were suite keys; see "Migrating from
 * 0.1" in the catalog module's README.
 */

/**
 * Prefix of every annotation and label key the suite defines.
 * @public
 */
export const AWS_PLATFORM_PREFIX = 'aws-platform-suite.github.io';

/**
 * The 12-digit id of the AWS account an entity is or lives in (core key).
 * @public
 */
export const ANNOTATION_AWS_ACCOUNT_ID = 'amazonaws.com/account-id';

/**
 * The ARN of the AWS resource behind an entity (core key).
 * @public
 */
export const ANNOTATION_AWS_ARN = 'amazonaws.com/arn';

/**
 * The id of the AWS Organization (`o-…`) an entity belongs to (core key;
 * `aws-platform-suite.github.io/organization-id` until 0.1).
 * @public
 */
export const ANNOTATION_ORGANIZATION_ID = 'amazonaws.com/organization-id';

/**
 * The id of an organizational unit or root (`ou-…`, `r-…`).
 * @public
 */
export const ANNOTATION_OU_ID = `${AWS_PLATFORM_PREFIX}/ou-id`;

/**
 * The id of the parent OU or root of an account or OU.
 * @public
 */
export const ANNOTATION_PARENT_ID = `${AWS_PLATFORM_PREFIX}/parent-id`;

/**
 * The OU path from the root, e.g. `Root/Workloads`.
 * @public
 */
export const ANNOTATION_OU_PATH = `${AWS_PLATFORM_PREFIX}/ou-path`;

/**
 * The account's e-mail address as registered in Organizations (core key;
 * `aws-platform-suite.github.io/account-email` until 0.1).
 * @public
 */
export const ANNOTATION_ACCOUNT_EMAIL = 'amazonaws.com/account-email';

/**
 * Label holding the account's Organizations status in lower case, as core's
 * processor writes it: `active`, `suspended`, `pending_closure` (core key;
 * the annotation `aws-platform-suite.github.io/account-status`, upper case,
 * until 0.1). A label, so that the catalog can be filtered by it.
 * @public
 */
export const LABEL_ACCOUNT_STATUS = 'amazonaws.com/account-status';

/**
 * When the account joined the organization (ISO 8601).
 * @public
 */
export const ANNOTATION_ACCOUNT_JOINED = `${AWS_PLATFORM_PREFIX}/account-joined`;

/**
 * Where the owner of an entity came from, one of {@link OwnerSource}.
 * The ownership review uses it to tell tagged, inherited and guessed owners
 * apart.
 * @public
 */
export const ANNOTATION_OWNER_SOURCE = `${AWS_PLATFORM_PREFIX}/owner-source`;

/**
 * A value of {@link ANNOTATION_OWNER_SOURCE}: `tag` (the resource's own
 * `owner` tag), `role` (`roleOwners` in config, for the account's role),
 * `default` (`defaultOwner` in config: nobody claimed it) or `account` (a
 * zone, cluster, vault or plan without an owner tag, inheriting its
 * account's owner).
 * @public
 */
export type OwnerSource = 'tag' | 'role' | 'default' | 'account';

/**
 * Where the account role came from, strongest first: `config`, `tag`,
 * `management`, `landing-zone`, `delegated-admin`, `holdings` (what the
 * account holds), `ou`, `name` or `default`.
 * @public
 */
export const ANNOTATION_ROLE_SOURCE = `${AWS_PLATFORM_PREFIX}/role-source`;

/**
 * How sure the suite is of the account role: `high`, `medium` or `low`.
 * @public
 */
export const ANNOTATION_ROLE_CONFIDENCE = `${AWS_PLATFORM_PREFIX}/role-confidence`;

/**
 * Evidence that pointed the account at another role and lost to a stronger
 * fact, e.g. `ou:production (OU Production)`, separated by `; `. Absent when
 * all evidence agreed.
 * @public
 */
export const ANNOTATION_ROLE_CONFLICTS = `${AWS_PLATFORM_PREFIX}/role-conflicts`;

/**
 * Ids of other accounts given the same one-per-organization role (e.g. two
 * `network` accounts), comma-separated. Absent when the role is uncontested.
 * @public
 */
export const ANNOTATION_ROLE_ALSO_CLAIMED_BY = `${AWS_PLATFORM_PREFIX}/role-also-claimed-by`;

/**
 * The ingestion scope an entity was read in, e.g. `route53:715451680876` or
 * `eks:715451680876:us-east-1`. When that scope cannot be read, the entities
 * that carry it are kept as they were.
 * @public
 */
export const ANNOTATION_INGESTION_SCOPE = `${AWS_PLATFORM_PREFIX}/ingestion-scope`;

/**
 * Outcome of a zone's delegation check: `in-sync`, `drift` (the parent's NS
 * record differs from the zone's name servers), `not-delegated` (the parent
 * has no NS record for it), `no-parent` (no ingested zone is its parent) or
 * `unknown` (the parent's account could not be read).
 * @public
 */
export const ANNOTATION_DELEGATION_STATUS = `${AWS_PLATFORM_PREFIX}/delegation-status`;

/**
 * Whether an EKS cluster runs Flightdeck (`true`/`false`), from its SSM
 * parameters `/flightdeck/<cluster>/…`.
 * @public
 */
export const ANNOTATION_FLIGHTDECK = `${AWS_PLATFORM_PREFIX}/flightdeck`;

/**
 * The EKS version support status: `standard`, `extended`, `unsupported` or `unknown`.
 * @public
 */
export const ANNOTATION_EKS_VERSION_SUPPORT = `${AWS_PLATFORM_PREFIX}/eks-version-support`;

/**
 * The backup coverage of a workload account: `covered` (a plan selects
 * resources and copies into the Backup account), `no-selection` (the plans
 * that copy there select nothing), `no-copy` (plans, but none copies there),
 * `no-plan`, or `unknown` (the selections or the backups could not be read).
 * See `BackupCoverage`.
 * @public
 */
export const ANNOTATION_BACKUP_COVERAGE = `${AWS_PLATFORM_PREFIX}/backup-coverage`;

/**
 * The AWS region of a regional resource.
 * @public
 */
export const ANNOTATION_AWS_REGION = `${AWS_PLATFORM_PREFIX}/region`;

/**
 * Label holding the account's role in the guide's architecture, so the
 * catalog can be filtered by it.
 * @public
 */
export const LABEL_ACCOUNT_ROLE = `${AWS_PLATFORM_PREFIX}/account-role`;

/**
 * Label naming the top-level OU of an account or OU, for filtering.
 * @public
 */
export const LABEL_OU = `${AWS_PLATFORM_PREFIX}/ou`;

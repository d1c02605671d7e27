import type { DelegationStatus } from './entitySpecs';

/*
 * Answers of the `aws-platform` backend's live status endpoints
 * (`GET /api/aws-platform/live/*?entityRef=…`): what AWS says now about a
 * cluster, a hosted zone or a backup vault or plan, where the catalog holds
 * the state of the last ingestion. Plain JSON: no AWS SDK type reaches the
 * browser. Times are ISO 8601.
 */

/**
 * Something AWS reports as wrong with a cluster, node group or add-on.
 * @public
 */
export type LiveHealthIssue = {
  /** AWS's issue code, e.g. `AsgInstanceLaunchFailures` or `InsufficientNumberOfReplicas`. */
  code: string;
  message?: string;
};

/**
 * A managed node group as EKS describes it now.
 * @public
 */
export type LiveNodegroup = {
  name: string;
  /** ACTIVE, CREATING, UPDATING, DEGRADED, CREATE_FAILED, DELETING, ... */
  status: string;
  /** Kubernetes version of the nodes; may lag the control plane. */
  version?: string;
  /** The AMI release, e.g. `1.33.0-20250715`. */
  releaseVersion?: string;
  /** ON_DEMAND, SPOT or CAPACITY_BLOCK. */
  capacityType?: string;
  amiType?: string;
  instanceTypes: string[];
  desiredSize?: number;
  minSize?: number;
  maxSize?: number;
  health: LiveHealthIssue[];
  modifiedAt?: string;
};

/**
 * An EKS add-on as EKS describes it now.
 * @public
 */
export type LiveAddon = {
  name: string;
  version?: string;
  /** ACTIVE, DEGRADED, CREATE_FAILED, UPDATING, UPDATE_FAILED, ... */
  status?: string;
  health: LiveHealthIssue[];
  modifiedAt?: string;
};

/**
 * One EKS upgrade insight: a check EKS runs before a Kubernetes upgrade.
 * @public
 */
export type LiveInsight = {
  id: string;
  name: string;
  /** UPGRADE_READINESS or MISCONFIGURATION. */
  category?: string;
  /** The Kubernetes version the insight is about. */
  kubernetesVersion?: string;
  /** PASSING, WARNING, ERROR or UNKNOWN. */
  status: string;
  reason?: string;
  description?: string;
  lastRefreshedAt?: string;
};

/**
 * Why an optional part of a live answer is missing: the backend's AWS role
 * may not call the API (`denied`), or the endpoint does not serve it
 * (`unavailable`, e.g. an older region or an emulator).
 * @public
 */
export type LiveSectionGap = 'denied' | 'unavailable';

/**
 * Response of `GET /api/aws-platform/live/clusters?entityRef=…`.
 * @public
 */
export type LiveClusterStatus = {
  entityRef: string;
  /** When AWS was read; answers may come from a short-lived cache. */
  readAt: string;
  cluster: {
    name: string;
    accountId: string;
    region: string;
    /** ACTIVE, CREATING, UPDATING, DELETING, FAILED or PENDING. */
    status: string;
    version?: string;
    platformVersion?: string;
    /** STANDARD or EXTENDED: what the cluster's upgrade policy allows. */
    supportType?: string;
    health: LiveHealthIssue[];
  };
  nodegroups: LiveNodegroup[];
  /** Undefined when the add-on API could not be read; see `gaps.addons`. */
  addons?: LiveAddon[];
  /** Undefined when upgrade insights could not be read; see `gaps.insights`. */
  insights?: LiveInsight[];
  gaps: { addons?: LiveSectionGap; insights?: LiveSectionGap };
};

/**
 * Response of `GET /api/aws-platform/live/zones?entityRef=…`: the parent
 * zone's NS record for the zone compared with the zone's own name servers,
 * both read from Route 53 now, each in its own account.
 * @public
 */
export type LiveZoneDelegation = {
  entityRef: string;
  readAt: string;
  zone: {
    id: string;
    name: string;
    accountId: string;
    private: boolean;
    /** The zone's apex NS record, normalized (lowercase, no trailing dot). */
    nameServers: string[];
  };
  /** Undefined when the catalog knows no parent zone for this one. */
  parent?: {
    entityRef: string;
    id: string;
    name: string;
    accountId: string;
    /** The parent's NS record for the zone; undefined when it has none. */
    record?: { nameServers: string[]; ttl?: number };
  };
  /**
   * `in-sync`, `drift`, `not-delegated`; `no-parent` when the catalog knows
   * no parent zone; `unknown` when the parent zone entity is not visible to
   * the caller (see `reason`).
   */
  status: DelegationStatus;
  /** The zone's name servers absent from the parent's record (to add). */
  missing: string[];
  /** Values of the parent's record that are not the zone's servers (to remove). */
  extra: string[];
  /** Why the status is `unknown`. */
  reason?: 'parent-not-visible';
};

/**
 * A backup job.
 * @public
 */
export type LiveBackupJob = {
  id: string;
  /** CREATED, PENDING, RUNNING, ABORTING, ABORTED, COMPLETED, FAILED, EXPIRED or PARTIAL. */
  state: string;
  statusMessage?: string;
  resourceArn?: string;
  resourceName?: string;
  resourceType?: string;
  vaultName?: string;
  planId?: string;
  ruleName?: string;
  createdAt?: string;
  completedAt?: string;
  sizeBytes?: number;
};

/**
 * A copy job: a recovery point copied into another vault (the guide's
 * copies into the Backup account).
 * @public
 */
export type LiveCopyJob = {
  id: string;
  /** CREATED, RUNNING, COMPLETED, FAILED or PARTIAL. */
  state: string;
  statusMessage?: string;
  resourceArn?: string;
  resourceName?: string;
  resourceType?: string;
  sourceVaultArn?: string;
  destinationVaultArn?: string;
  planId?: string;
  createdAt?: string;
  completedAt?: string;
  sizeBytes?: number;
};

/**
 * A recovery point in a vault.
 * @public
 */
export type LiveRecoveryPoint = {
  arn: string;
  /** COMPLETED, PARTIAL, DELETING, EXPIRED, AVAILABLE, STOPPED or CREATING. */
  status: string;
  statusMessage?: string;
  resourceArn?: string;
  resourceName?: string;
  resourceType?: string;
  /** Set on copies: the vault the point was copied from. */
  sourceVaultArn?: string;
  planId?: string;
  createdAt?: string;
  completedAt?: string;
  sizeBytes?: number;
  /** When AWS Backup moves it to cold storage. */
  coldAt?: string;
  /** When AWS Backup deletes it. */
  deleteAt?: string;
};

/**
 * A bounded list: the most recent `items` (newest first), and whether AWS
 * holds more in the window than were read or returned.
 * @public
 */
export type LiveList<T> = { items: T[]; truncated: boolean };

/**
 * Response of `GET /api/aws-platform/live/backups?entityRef=…` for an
 * `aws-backup-vault` or `aws-backup-plan` entity.
 * @public
 */
export type LiveBackupActivity = {
  entityRef: string;
  readAt: string;
  kind: 'vault' | 'plan';
  accountId: string;
  region: string;
  /** The window read: jobs and recovery points created since `since`. */
  window: { since: string; days: number; maxItems: number };
  /** Backup jobs of the plan, or writing into the vault. Undefined: see `gaps`. */
  jobs?: LiveList<LiveBackupJob>;
  /** Copy jobs of the plan, or out of or into the vault. Undefined: see `gaps`. */
  copyJobs?: LiveList<LiveCopyJob>;
  /** Recovery points of a vault; never set for a plan. */
  recoveryPoints?: LiveList<LiveRecoveryPoint>;
  gaps: {
    jobs?: LiveSectionGap;
    copyJobs?: LiveSectionGap;
    recoveryPoints?: LiveSectionGap;
  };
};

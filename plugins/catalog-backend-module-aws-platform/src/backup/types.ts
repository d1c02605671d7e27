/**
 * What the suite reads from AWS Backup in one account and region, before any
 * mapping. Plain data so that the mappers can be tested on fixtures; type
 * aliases rather than interfaces so that records fit an entity's JSON spec.
 */

/** A backup vault. */
export type VaultRecord = {
  name: string;
  arn: string;
  region: string;
  accountId: string;
  /** `BACKUP_VAULT`, `LOGICALLY_AIR_GAPPED_BACKUP_VAULT`, ... */
  vaultType?: string;
  /** Whether AWS Backup Vault Lock protects the vault. */
  locked?: boolean;
  minRetentionDays?: number;
  maxRetentionDays?: number;
  recoveryPoints?: number;
  encryptionKeyArn?: string;
  /** ISO 8601. */
  createdAt?: string;
  tags: Record<string, string>;
};

/** When recovery points move to cold storage and expire. */
export type LifecycleRecord = {
  coldAfterDays?: number;
  deleteAfterDays?: number;
};

/** One rule of a backup plan. */
export type BackupRuleRecord = {
  name: string;
  /** A vault of the plan's own account and region. */
  targetVaultName: string;
  /** A logically air-gapped vault the rule also writes to, by ARN. */
  targetAirGappedVaultArn?: string;
  /** e.g. `cron(0 2 * * ? *)`. */
  schedule?: string;
  scheduleTimezone?: string;
  startWindowMinutes?: number;
  completionWindowMinutes?: number;
  lifecycle?: LifecycleRecord;
  /** Copies of each recovery point, to vaults in any account and region. */
  copyActions: Array<{
    destinationVaultArn: string;
    lifecycle?: LifecycleRecord;
  }>;
};

/** Which resources a plan protects. */
export type BackupSelectionRecord = {
  name: string;
  iamRoleArn?: string;
  /**
   * Tag conditions. Without `operator` the tag must equal the value (the
   * usual `ListOfTags` and `StringEquals`).
   */
  tagConditions: Array<{
    key: string;
    value: string;
    operator?: 'StringNotEquals' | 'StringLike' | 'StringNotLike';
  }>;
  /** Resource ARNs, possibly with wildcards (`arn:aws:rds:*:*:db:*`). */
  resources: string[];
  /** Resource ARNs excluded from `resources`. */
  notResources?: string[];
};

/** A backup plan with its rules and selections. */
export type PlanRecord = {
  id: string;
  arn: string;
  name: string;
  versionId?: string;
  region: string;
  accountId: string;
  rules: BackupRuleRecord[];
  /** Undefined when the selections could not be read. */
  selections?: BackupSelectionRecord[];
  /**
   * Why `selections` is undefined: the call is denied or not served. Only
   * these two leave the plan's read complete otherwise; every other error
   * fails the scope.
   */
  selectionsUnread?: {
    errorName: string;
    httpStatus?: number;
    message: string;
  };
  tags: Record<string, string>;
};

/** Everything read from AWS Backup in one account and region. */
export type BackupScope = {
  accountId: string;
  region: string;
  vaults: VaultRecord[];
  plans: PlanRecord[];
};

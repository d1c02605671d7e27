// The CloudTrail calls the suite reads from events; the README's
// EventBridge pattern lists the same (eventPattern.test.ts).

/** Route 53 calls that change what a zone entity shows. */
export const ROUTE53_CALLS: ReadonlySet<string> = new Set([
  'CreateHostedZone',
  'DeleteHostedZone',
  'ChangeResourceRecordSets',
  'ChangeTagsForResource',
]);

/** EKS calls that change a cluster entity: the cluster, its tags, node groups and add-ons. */
export const EKS_CALLS: ReadonlySet<string> = new Set([
  'CreateCluster',
  'DeleteCluster',
  'UpdateClusterVersion',
  'UpdateClusterConfig',
  'TagResource',
  'UntagResource',
  'CreateNodegroup',
  'DeleteNodegroup',
  'UpdateNodegroupConfig',
  'UpdateNodegroupVersion',
  'CreateAddon',
  'DeleteAddon',
  'UpdateAddon',
]);

/** AWS Backup calls that change a vault or plan entity. */
export const BACKUP_CALLS: ReadonlySet<string> = new Set([
  'CreateBackupPlan',
  'UpdateBackupPlan',
  'DeleteBackupPlan',
  'CreateBackupSelection',
  'DeleteBackupSelection',
  'CreateBackupVault',
  'DeleteBackupVault',
  'TagResource',
  'UntagResource',
]);

/**
 * Organizations calls that change accounts, OUs, tags or the evidence of
 * roles. `CreateAccount` itself is not one: the account exists once its
 * `CreateAccountResult` service event says so.
 */
export const ORGANIZATIONS_CALLS: ReadonlySet<string> = new Set([
  'TagResource',
  'UntagResource',
  'MoveAccount',
  'CloseAccount',
  'RemoveAccountFromOrganization',
  'LeaveOrganization',
  'CreateOrganizationalUnit',
  'UpdateOrganizationalUnit',
  'DeleteOrganizationalUnit',
  'RegisterDelegatedAdministrator',
  'DeregisterDelegatedAdministrator',
]);

/**
 * Organizations' service event that tells an account now exists. Only a
 * `SUCCEEDED` one asks for a refresh.
 */
export const ORGANIZATIONS_SERVICE_EVENTS: ReadonlySet<string> = new Set([
  'CreateAccountResult',
]);

/**
 * ECR calls that change a repository policy: the evidence that an account
 * holds the images the organization pulls (the Operations role, read from
 * holdings). A repository is created without a policy.
 */
export const ECR_CALLS: ReadonlySet<string> = new Set([
  'SetRepositoryPolicy',
  'DeleteRepositoryPolicy',
  'DeleteRepository',
]);

/** Identity Center calls that change the access review: assignments and permission sets. */
export const IDENTITY_CENTER_CALLS: ReadonlySet<string> = new Set([
  'CreateAccountAssignment',
  'DeleteAccountAssignment',
  'CreatePermissionSet',
  'UpdatePermissionSet',
  'DeletePermissionSet',
  'AttachManagedPolicyToPermissionSet',
  'DetachManagedPolicyFromPermissionSet',
  'PutInlinePolicyToPermissionSet',
  'DeleteInlinePolicyFromPermissionSet',
]);

/** Identity Store calls that change the people, teams and memberships ingested. */
export const IDENTITY_STORE_CALLS: ReadonlySet<string> = new Set([
  'CreateUser',
  'UpdateUser',
  'DeleteUser',
  'CreateGroup',
  'UpdateGroup',
  'DeleteGroup',
  'CreateGroupMembership',
  'DeleteGroupMembership',
]);

/** Every call the suite reads from events, by CloudTrail event source. */
export const CALLS_BY_SOURCE: Readonly<Record<string, ReadonlySet<string>>> = {
  'route53.amazonaws.com': ROUTE53_CALLS,
  'eks.amazonaws.com': EKS_CALLS,
  'backup.amazonaws.com': BACKUP_CALLS,
  'organizations.amazonaws.com': new Set([
    ...ORGANIZATIONS_CALLS,
    ...ORGANIZATIONS_SERVICE_EVENTS,
  ]),
  'ecr.amazonaws.com': ECR_CALLS,
  'sso.amazonaws.com': IDENTITY_CENTER_CALLS,
  'identitystore.amazonaws.com': IDENTITY_STORE_CALLS,
};

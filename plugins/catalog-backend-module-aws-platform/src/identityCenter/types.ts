/** An Identity Store user, as read. */
export interface IdentityCenterUserRecord {
  id: string;
  userName: string;
  displayName?: string;
  email?: string;
}

/** An Identity Store group and the user ids of its members. */
export interface IdentityCenterGroupRecord {
  id: string;
  displayName: string;
  description?: string;
  memberUserIds: string[];
}

/** One account assignment of a permission set. */
export interface AccountAssignmentRecord {
  accountId: string;
  principalType: 'GROUP' | 'USER';
  principalId: string;
}

/** A permission set, where it is provisioned and who holds it where. */
export interface PermissionSetRecord {
  arn: string;
  name: string;
  description?: string;
  sessionDuration?: string;
  /** Accounts the set is provisioned to (ListAccountsForProvisionedPermissionSet). */
  provisionedAccountIds: string[];
  assignments: AccountAssignmentRecord[];
}

/** Everything one Identity Center read returns. */
export interface IdentityCenterSnapshot {
  /** The account the instance was read from (the delegated administrator or management). */
  accountId: string;
  instanceArn: string;
  identityStoreId: string;
  users: IdentityCenterUserRecord[];
  groups: IdentityCenterGroupRecord[];
  permissionSets: PermissionSetRecord[];
}

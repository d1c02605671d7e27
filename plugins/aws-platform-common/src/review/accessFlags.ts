/**
 * What the access review flags, each something the platform team must act on:
 * - `admin-in-production`: an administrator permission set in a production account;
 * - `direct-user`: a user assigned directly instead of through a group;
 * - `group-without-members`: access held by a group nobody is in;
 * - `provisioned-nowhere`: a permission set provisioned to no account.
 * @public
 */
export type AccessFlag =
  | 'admin-in-production'
  | 'direct-user'
  | 'group-without-members'
  | 'provisioned-nowhere';

/**
 * Every flag, in the order the page lists them.
 * @public
 */
export const ACCESS_FLAGS: readonly AccessFlag[] = [
  'admin-in-production',
  'direct-user',
  'group-without-members',
  'provisioned-nowhere',
];

/**
 * Whether a permission set grants administrator access: AWS's managed
 * `AdministratorAccess`, or a set named as one (`...Admin...`).
 * @public
 */
export function isAdministratorSet(name: string): boolean {
  return /admin/i.test(name);
}

/**
 * The flags of one assignment of a permission set to a principal in an account.
 * @public
 */
export function assignmentFlags(assignment: {
  accountRole: string | undefined;
  permissionSet: string;
  principalType: 'GROUP' | 'USER';
  /** Members of the group; undefined when unknown (not in the catalog) or a user. */
  memberCount: number | undefined;
}): AccessFlag[] {
  const flags: AccessFlag[] = [];
  if (
    assignment.accountRole === 'production' &&
    isAdministratorSet(assignment.permissionSet)
  ) {
    flags.push('admin-in-production');
  }
  if (assignment.principalType === 'USER') flags.push('direct-user');
  if (assignment.principalType === 'GROUP' && assignment.memberCount === 0) {
    flags.push('group-without-members');
  }
  return flags;
}

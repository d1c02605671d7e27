import { AWS_PLATFORM_PREFIX } from './annotations';

/**
 * `spec.type` of the `Resource` entity of an Identity Center permission set.
 * @public
 */
export const AWS_PERMISSION_SET_TYPE = 'aws-permission-set';

/**
 * The ingestion scope of every entity read from Identity Center (users,
 * groups, permission sets): when its read fails, they are kept as they were.
 * @public
 */
export const IDENTITY_CENTER_SCOPE = 'identity-center';

/**
 * On an account entity: who can sign in to it and with which permission set,
 * a JSON array of {@link AccountAccessEntry}, sorted. Absent when Identity
 * Center is not ingested.
 * @public
 */
export const ANNOTATION_ACCOUNT_ACCESS = `${AWS_PLATFORM_PREFIX}/account-access`;

/**
 * On a permission set entity: its account assignments, a JSON array of
 * {@link PermissionSetAssignment}.
 * @public
 */
export const ANNOTATION_PERMISSION_SET_ASSIGNMENTS = `${AWS_PLATFORM_PREFIX}/permission-set-assignments`;

/**
 * On a permission set entity: the account ids it is provisioned to,
 * comma-separated; empty when provisioned nowhere.
 * @public
 */
export const ANNOTATION_PERMISSION_SET_PROVISIONED = `${AWS_PLATFORM_PREFIX}/provisioned-account-ids`;

/**
 * On a User or Group entity read from Identity Center: its Identity Store id.
 * @public
 */
export const ANNOTATION_IDENTITY_STORE_PRINCIPAL_ID = `${AWS_PLATFORM_PREFIX}/identity-store-principal-id`;

/**
 * One way into an account: a principal (group or user entity ref) and the
 * permission set's name.
 * @public
 */
export interface AccountAccessEntry {
  principal: string;
  principalType: 'GROUP' | 'USER';
  permissionSet: string;
}

/**
 * One account assignment of a permission set.
 * @public
 */
export interface PermissionSetAssignment {
  accountId: string;
  principal: string;
  principalType: 'GROUP' | 'USER';
}

/**
 * Reads a JSON array annotation written by the ingestion; an absent or
 * malformed value reads as empty.
 * @public
 */
export function parseJsonListAnnotation<T>(value: string | undefined): T[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch (error) {
    if (error instanceof SyntaxError) return [];
    throw error;
  }
}

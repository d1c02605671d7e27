import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';
import {
  AccountRole,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_INGESTION_SCOPE,
  ANNOTATION_ORGANIZATION_ID,
  ANNOTATION_OWNER_SOURCE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { resolveOwner } from '../lib/resolveOwner';

/**
 * What a resource mapper knows about the account it read, taken from the
 * account's own entity so that resources link to it and inherit its owner.
 */
export interface AccountInfo {
  id: string;
  name: string;
  role: AccountRole;
  /** e.g. `resource:default/account-715451680876` */
  entityRef: string;
  /** The account entity's owner, as a full entity ref. */
  owner: string;
}

/** Shared by every resource mapper of one ingestion run. */
export interface MappingContext {
  /** `backstage.io/managed-by-location` of every emitted entity. */
  locationRef: string;
  organizationId: string;
  ownerTagKey: string;
  /** The organization's accounts by id. */
  accounts: ReadonlyMap<string, AccountInfo>;
}

/**
 * The scope an entity was read in, e.g. `route53:715451680876` or
 * `eks:715451680876:us-east-1`. When a scope fails, the entities carrying it
 * are kept as they were.
 */
export function scopeKey(
  service: string,
  accountId: string,
  region?: string,
): string {
  return region
    ? `${service}:${accountId}:${region}`
    : `${service}:${accountId}`;
}

/** The annotations every resource entity carries. */
export function resourceAnnotations(
  ctx: MappingContext,
  options: {
    scope: string;
    accountId: string;
    arn?: string;
    ownerSource: string;
  },
): Record<string, string> {
  return {
    [ANNOTATION_LOCATION]: ctx.locationRef,
    [ANNOTATION_ORIGIN_LOCATION]: ctx.locationRef,
    [ANNOTATION_ORGANIZATION_ID]: ctx.organizationId,
    [ANNOTATION_AWS_ACCOUNT_ID]: options.accountId,
    ...(options.arn && { [ANNOTATION_AWS_ARN]: options.arn }),
    [ANNOTATION_INGESTION_SCOPE]: options.scope,
    [ANNOTATION_OWNER_SOURCE]: options.ownerSource,
  };
}

/**
 * The owner of a resource: its owner tag, else the owner of its account.
 * `source` is `tag` or `account`.
 */
export function resourceOwner(
  tags: Record<string, string>,
  account: AccountInfo,
  ownerTagKey: string,
): { owner: string; source: 'tag' | 'account' } {
  const tagged = resolveOwner(tags, undefined, {
    ownerTagKey,
    defaultOwner: account.owner,
    roleOwners: {},
  });
  return tagged.source === 'tag'
    ? { owner: tagged.owner, source: 'tag' }
    : { owner: account.owner, source: 'account' };
}

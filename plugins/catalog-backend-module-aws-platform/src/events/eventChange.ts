import { ACCOUNT_ID, CloudTrailChangeEvent, isRecord } from './cloudTrailEvent';

import { accountTagsNamed } from './accountTagsNamed';
import { backupPlanNamed } from './backupPlanNamed';
import { clusterNamed } from './eksClusterNamed';
import { nsNamesOf, route53ZoneNamed, ZoneChange } from './route53ZoneNamed';
import {
  BACKUP_CALLS,
  ECR_CALLS,
  EKS_CALLS,
  IDENTITY_CENTER_CALLS,
  IDENTITY_STORE_CALLS,
  ORGANIZATIONS_CALLS,
  ROUTE53_CALLS,
} from './eventCalls';

/** The services whose scopes an event re-reads on its own. */
export type EventScopeService = 'route53' | 'eks' | 'backup';

/** A scope to re-read because of an event, as the ingestion names scopes. */
export interface ScopeChange {
  kind: 'scope';
  /** e.g. `route53:715451680876`, `eks:715451680876:us-east-1`. */
  key: string;
  service: EventScopeService;
  accountId: string;
  /** For EKS and Backup. */
  region?: string;
  /**
   * EKS only: the clusters the events named. Only these are read again;
   * absent when an event named none, and then the whole scope is read.
   */
  clusters?: readonly string[];
  /**
   * AWS Backup only: the plans (ids) the events named. Only these are read
   * again; absent when an event named none (a vault's), and then the whole
   * scope is read.
   */
  plans?: readonly string[];
  /**
   * Route 53 only: the change can alter a delegation across accounts (a
   * zone created or deleted, an NS record changed), so the zones above and
   * below the account's zones are judged again.
   */
  delegation: boolean;
  /**
   * Route 53 only, with `delegation`: the names of the NS records the
   * events changed (normalized), when every delegating change named its
   * records. Only the zones at or below these names are judged again;
   * absent when a zone was created or deleted or a batch could not be read,
   * and then every zone below the account's zones is.
   */
  delegatedNames?: readonly string[];
  /**
   * Route 53 only: the zones the events named, and how each changed; only
   * these are read again (and judged against their parent) where the
   * catalog allows it. Absent when an event named none: the whole account.
   */
  zones?: readonly ZoneChange[];
}

/**
 * A change only the full refresh reads again: to the organization itself
 * (accounts, tags, OUs, administrators), to the evidence of roles that is
 * judged across accounts (ECR policies), or to Identity Center.
 */
export interface OrganizationChange {
  kind: 'organization';
  /** The account the call was made in (the management account or a delegated administrator). */
  accountId: string;
  eventName: string;
  /**
   * The part of the refresh the change is about, when it is not the
   * organization: the refresh is asked for only if the provider reads it.
   */
  reads?: 'ecr' | 'identityCenter';
}

/**
 * The tags of one account changed (Organizations `TagResource` or
 * `UntagResource` on it). Only the owner and role tags shape an account's
 * entity: a change of the owner tag alone is applied by reading that
 * account's tags again; one of the role tag, or of keys that cannot be
 * read, asks for the full refresh, since roles are judged across accounts.
 */
export interface AccountTagsChange {
  kind: 'accountTags';
  /** e.g. `account-tags:715451680876`. */
  key: string;
  /** The account tagged. */
  accountId: string;
  /** The account the call was made in (the management account or a delegated administrator). */
  callerAccountId: string;
  eventName: string;
  /** The tag keys set or removed; undefined when they cannot be read. */
  tagKeys?: readonly string[];
}

/**
 * An account moved to another OU (Organizations `MoveAccount`). Applied by
 * reading where the account is now, when the move changes nothing but its
 * place (what its OUs say of its role stays the same); else the full
 * refresh.
 */
export interface AccountMoveChange {
  kind: 'accountMove';
  /** e.g. `account-move:715451680876`. */
  key: string;
  /** The account moved. */
  accountId: string;
  /** The account the call was made in (the management account or a delegated administrator). */
  callerAccountId: string;
  eventName: string;
}

/** Any change an event can ask for. */
export type EventChange =
  | ScopeChange
  | OrganizationChange
  | AccountTagsChange
  | AccountMoveChange;

/** What one event asks for, or why it asks for nothing. */
export type EventMapping = { change: EventChange } | { ignored: string };

/**
 * The smallest part of the catalog an event can have changed: a scope of
 * one account (and region), or the organization. Pure; events of other
 * services, calls that change nothing the catalog shows, and failed calls
 * ask for nothing, with the reason.
 */
export function changeOfEvent(event: CloudTrailChangeEvent): EventMapping {
  if (event.errorCode) {
    return { ignored: `the call failed (${event.errorCode})` };
  }
  switch (event.eventSource) {
    case 'route53.amazonaws.com':
      return route53Change(event);
    case 'eks.amazonaws.com':
      return regionalChange(event, 'eks', EKS_CALLS);
    case 'backup.amazonaws.com':
      return regionalChange(event, 'backup', BACKUP_CALLS);
    case 'organizations.amazonaws.com':
      return organizationsChange(event);
    case 'ecr.amazonaws.com':
      return evidenceChange(event, 'ecr', ECR_CALLS);
    case 'sso.amazonaws.com':
      return evidenceChange(event, 'identityCenter', IDENTITY_CENTER_CALLS);
    case 'identitystore.amazonaws.com':
      return evidenceChange(event, 'identityCenter', IDENTITY_STORE_CALLS);
    default:
      return { ignored: `${event.eventSource} is not read from events` };
  }
}

function route53Change(event: CloudTrailChangeEvent): EventMapping {
  if (!ROUTE53_CALLS.has(event.eventName)) {
    return { ignored: `route53 ${event.eventName} changes no zone entity` };
  }
  if (
    event.eventName === 'ChangeTagsForResource' &&
    event.requestParameters.resourceType !== undefined &&
    event.requestParameters.resourceType !== 'hostedzone'
  ) {
    return { ignored: 'route53 tags of something else than a hosted zone' };
  }
  const zone = route53ZoneNamed(event);
  return {
    change: {
      kind: 'scope',
      key: `route53:${event.accountId}`,
      service: 'route53',
      accountId: event.accountId,
      ...delegationOf(event),
      ...(zone && { zones: [zone] }),
    },
  };
}

/**
 * Whether a Route 53 call can change a delegation, and where: a zone
 * created or deleted (anywhere below the account's zones), a record batch
 * with NS records in it (at and below their names), or a batch that cannot
 * be read (anywhere, to be safe).
 */
function delegationOf(
  event: CloudTrailChangeEvent,
): Pick<ScopeChange, 'delegation' | 'delegatedNames'> {
  if (event.eventName === 'ChangeTagsForResource') return { delegation: false };
  if (event.eventName !== 'ChangeResourceRecordSets') {
    return { delegation: true };
  }
  const names = nsNamesOf(event.requestParameters.changeBatch);
  if (!names) return { delegation: true };
  return names.length === 0
    ? { delegation: false }
    : { delegation: true, delegatedNames: names };
}

/**
 * One scope's delegation change from two events': a change anywhere in the
 * account wins over named records, which are otherwise joined. The names
 * are always set (undefined for anywhere), to replace those merged away.
 */
export function delegationOfBoth(
  earlier: Pick<ScopeChange, 'delegation' | 'delegatedNames'>,
  later: Pick<ScopeChange, 'delegation' | 'delegatedNames'>,
): Pick<ScopeChange, 'delegation' | 'delegatedNames'> {
  if (!earlier.delegation || !later.delegation) {
    const only = earlier.delegation ? earlier : later;
    return { delegation: only.delegation, delegatedNames: only.delegatedNames };
  }
  const both =
    earlier.delegatedNames && later.delegatedNames
      ? [...new Set([...earlier.delegatedNames, ...later.delegatedNames])]
      : undefined;
  return { delegation: true, delegatedNames: both };
}

function regionalChange(
  event: CloudTrailChangeEvent,
  service: 'eks' | 'backup',
  calls: ReadonlySet<string>,
): EventMapping {
  if (!calls.has(event.eventName)) {
    return { ignored: `${service} ${event.eventName} changes no entity` };
  }
  const cluster = service === 'eks' ? clusterNamed(event) : undefined;
  const plan = service === 'backup' ? backupPlanNamed(event) : undefined;
  return {
    change: {
      kind: 'scope',
      key: `${service}:${event.accountId}:${event.region}`,
      service,
      accountId: event.accountId,
      region: event.region,
      delegation: false,
      ...(cluster && { clusters: [cluster] }),
      ...(plan && { plans: [plan] }),
    },
  };
}

function organizationsChange(event: CloudTrailChangeEvent): EventMapping {
  const organization: EventMapping = {
    change: {
      kind: 'organization',
      accountId: event.accountId,
      eventName: event.eventName,
    },
  };
  if (event.eventName === 'CreateAccountResult') {
    const status = event.serviceEventDetails.createAccountStatus;
    const state = isRecord(status) ? status.state : undefined;
    return state === 'SUCCEEDED'
      ? organization
      : { ignored: `account creation ended ${String(state ?? 'unknown')}` };
  }
  if (event.detailType !== 'AWS API Call via CloudTrail') {
    return { ignored: `organizations service event ${event.eventName}` };
  }
  const moved = event.requestParameters.accountId;
  if (
    event.eventName === 'MoveAccount' &&
    typeof moved === 'string' &&
    ACCOUNT_ID.test(moved)
  ) {
    return {
      change: {
        kind: 'accountMove',
        key: `account-move:${moved}`,
        accountId: moved,
        callerAccountId: event.accountId,
        eventName: event.eventName,
      },
    };
  }
  const tagged = accountTagsNamed(event);
  if (tagged) {
    return {
      change: {
        kind: 'accountTags',
        key: `account-tags:${tagged.accountId}`,
        accountId: tagged.accountId,
        callerAccountId: event.accountId,
        eventName: event.eventName,
        ...(tagged.tagKeys && { tagKeys: tagged.tagKeys }),
      },
    };
  }
  return ORGANIZATIONS_CALLS.has(event.eventName)
    ? organization
    : { ignored: `organizations ${event.eventName} changes no entity` };
}

/** A change the full refresh reads: ECR policies or Identity Center. */
function evidenceChange(
  event: CloudTrailChangeEvent,
  reads: 'ecr' | 'identityCenter',
  calls: ReadonlySet<string>,
): EventMapping {
  if (!calls.has(event.eventName)) {
    return {
      ignored: `${event.eventSource} ${event.eventName} changes nothing read`,
    };
  }
  return {
    change: {
      kind: 'organization',
      accountId: event.accountId,
      eventName: event.eventName,
      reads,
    },
  };
}

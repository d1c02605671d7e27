import { Entity } from '@backstage/catalog-model';
import {
  IngestionScopeFailure,
  ANNOTATION_ORGANIZATION_ID,
  LABEL_ACCOUNT_STATUS,
  suiteLocationRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { IngestionConfig } from '../ingestionConfig';
import { accountIdOf, accountInfo } from '../resources/accountInfo';
import type { MappingContext } from '../resources/mappingContext';
import type { ScopeChange } from './eventChange';

/**
 * The organization as the last applied refresh left it in the catalog: what
 * the resource mappers need (the same {@link MappingContext} a refresh
 * builds), and the account entities whose summaries a re-read changes.
 */
export interface EventOrganization {
  ctx: MappingContext;
  /** The provider's account entities, by account id. */
  accounts: ReadonlyMap<string, Entity>;
}

/**
 * The organization of the provider's account entities in the catalog, or
 * why there is none to map a re-read with: no account yet (the first
 * refresh has not been applied), or accounts of two organizations.
 */
export function organizationOfAccounts(
  accounts: readonly Entity[],
  ownerTagKey: string,
): EventOrganization | { unknown: string } {
  const organizationIds = new Set(
    accounts.map(a => a.metadata.annotations?.[ANNOTATION_ORGANIZATION_ID]),
  );
  if (accounts.length === 0) {
    return { unknown: 'the catalog holds no account of this provider yet' };
  }
  if (organizationIds.size !== 1 || organizationIds.has(undefined)) {
    return { unknown: 'the catalog holds accounts of several organizations' };
  }
  const organizationId = [...organizationIds][0]!;
  const byId = new Map(accounts.map(a => [accountIdOf(a), a]));
  return {
    ctx: {
      locationRef: suiteLocationRef(organizationId),
      organizationId,
      ownerTagKey,
      accounts: new Map([...byId].map(([id, a]) => [id, accountInfo(a)])),
    },
    accounts: byId,
  };
}

/** What changes to accounts (their owners, their OUs) came to. */
export interface AccountChangesOutcome {
  /** The organization with the changed accounts, to map re-read resources with. */
  organization: EventOrganization;
  /** The entities changed: accounts, and resources that follow them. */
  entities: Entity[];
  /** Set when only the full refresh can apply the changes: why. */
  fullRefresh?: string;
  failures: IngestionScopeFailure[];
}

/** The organization with some of its account entities replaced. */
export function withAccounts(
  organization: EventOrganization,
  accounts: ReadonlyMap<string, Entity>,
): EventOrganization {
  return {
    accounts,
    ctx: {
      ...organization.ctx,
      accounts: new Map([...accounts].map(([id, a]) => [id, accountInfo(a)])),
    },
  };
}

/**
 * Why a changed scope is not read, or undefined when it is: the refresh
 * reads only active, not excluded accounts of the organization, the
 * configured services, and the configured regions (without any, every
 * region an event comes from is enabled, so the refresh reads it too).
 */
export function whyNotRead(
  change: ScopeChange,
  organization: EventOrganization,
  config: IngestionConfig,
): string | undefined {
  const account = organization.accounts.get(change.accountId);
  if (!account) return `account ${change.accountId} is not in the organization`;
  const status = account.metadata.labels?.[LABEL_ACCOUNT_STATUS];
  if (status && status !== 'active') {
    return `account ${change.accountId} is ${status}`;
  }
  if (config.excludeAccountIds.includes(change.accountId)) {
    return `account ${change.accountId} is excluded`;
  }
  if (!config.services.includes(change.service)) {
    return `${change.service} is not read`;
  }
  if (
    change.region &&
    config.regions &&
    !config.regions.includes(change.region)
  ) {
    return `${change.region} is not a configured region`;
  }
  return undefined;
}

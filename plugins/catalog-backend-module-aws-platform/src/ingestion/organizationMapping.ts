import { Entity } from '@backstage/catalog-model';
import {
  AWS_ENTITY_TYPES,
  suiteLocationRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { IngestionConfig } from '../ingestionConfig';
import { accountIdOf, accountInfo } from '../resources/accountInfo';
import { organizationToEntities } from '../organization/organizationEntities';
import { roleFromHoldings } from '../organization/roleFromHoldings';
import type { RoleEvidence } from '../organization/roleEvidence';
import type { OrganizationSnapshot } from '../organization/types';
import type { MappingContext } from '../resources/mappingContext';
import type { ScopeData } from './resourceReaders';
import type { Scope, ScopeOutcome } from './scopes';

/**
 * The organization's entities and what the resource mappers need of them.
 * Called once the scopes are read, so that the accounts' roles weigh what
 * each holds and every resource is mapped with the final roles (backup
 * coverage needs the Backup account, the flows every role).
 */
export function mapOrganization(
  snapshot: OrganizationSnapshot,
  config: IngestionConfig,
  holdings: ReadonlyMap<string, RoleEvidence[]>,
): {
  organizationEntities: Entity[];
  accountEntities: Entity[];
  ctx: MappingContext;
} {
  const locationRef = suiteLocationRef(snapshot.organizationId);
  const organizationEntities = organizationToEntities(snapshot, {
    ...config,
    locationRef,
    holdings,
  });
  const accountEntities = organizationEntities.filter(
    e => e.spec?.type === AWS_ENTITY_TYPES.account,
  );
  const ctx: MappingContext = {
    locationRef,
    organizationId: snapshot.organizationId,
    ownerTagKey: config.ownerTagKey,
    accounts: new Map(
      accountEntities.map(entity => [accountIdOf(entity), accountInfo(entity)]),
    ),
  };
  return { organizationEntities, accountEntities, ctx };
}

/**
 * Role evidence from what the accounts hold (`roleFromHoldings`), taken
 * only from the scopes read in full in this run. A failed scope is no
 * evidence either way. Its entities are kept from the last good run so that
 * the catalog loses nothing, but what an account held then is not what it
 * holds now: a role resting on the catalog's memory would outlive the zone,
 * vault or repository it came from, and no run could contradict it while
 * the scope keeps failing. Nor does a failed scope say the account holds
 * nothing: the account simply has no holdings evidence this run, and its
 * role rests on the rest (the entity's `role-source` says which).
 */
export function holdingsOfRun(
  snapshot: Pick<OrganizationSnapshot, 'organizationId' | 'accounts'>,
  outcomes: readonly ScopeOutcome<unknown>[],
): Map<string, RoleEvidence[]> {
  return roleFromHoldings({
    organizationId: snapshot.organizationId,
    accountIds: snapshot.accounts.map(account => account.id),
    zones: succeeded(outcomes, 'route53').map(({ scope, data }) => ({
      accountId: scope.accountId,
      zones: data,
    })),
    backup: succeeded(outcomes, 'backup').map(({ scope, data }) => ({
      accountId: scope.accountId,
      plans: data.plans,
    })),
    repositories: succeeded(outcomes, 'ecr').map(({ scope, data }) => ({
      accountId: scope.accountId,
      repositories: data,
    })),
  });
}

/** The scopes of one service read in full, with what each read. */
export function succeeded<S extends keyof ScopeData>(
  outcomes: readonly ScopeOutcome<unknown>[],
  service: S,
): Array<{ scope: Scope; data: ScopeData[S] }> {
  return outcomes.flatMap(outcome =>
    outcome.ok && outcome.scope.service === service
      ? [{ scope: outcome.scope, data: outcome.data as ScopeData[S] }]
      : [],
  );
}

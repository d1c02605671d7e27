import { Entity } from '@backstage/catalog-model';
import { IngestionScopeFailure } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  describeAwsError,
  mapSettled,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { ReadAccountParent } from '../organization/accountParentReader';
import { movedAccount, unitsOfEntities } from './accountMove';
import type { AccountMoveChange } from './eventChange';
import {
  AccountChangesOutcome,
  EventOrganization,
  withAccounts,
} from './eventOrganization';

/**
 * Applies accounts moved to another OU without the full refresh: where
 * each account is now is read (`ListParents`, one call; what AWS holds,
 * so a duplicated or reordered event changes nothing), and the account
 * entity is placed there as the refresh would place it. A move the
 * catalog cannot place (an OU it does not hold yet, a new OU that says
 * another role, an adopter's account transformer) asks for the full
 * refresh instead, and nothing is applied.
 */
export async function refreshAccountMoves(
  changes: readonly AccountMoveChange[],
  organization: EventOrganization,
  deps: {
    concurrency: number;
    /** The provider's OU and root entities of the organization, as the catalog holds them. */
    organizationalUnits(): Promise<Entity[]>;
    readAccountParent?: ReadAccountParent;
    /** False when an adopter's transformer makes the account entities. */
    patchable: boolean;
  },
): Promise<AccountChangesOutcome> {
  const none = { organization, entities: [], failures: [] };
  const ours = changes.filter(
    c =>
      organization.accounts.has(c.accountId) ||
      organization.accounts.has(c.callerAccountId),
  );
  if (ours.length === 0) return none;
  const unplaceable = ours.find(c => !organization.accounts.has(c.accountId));
  if (!deps.readAccountParent || !deps.patchable || unplaceable) {
    return { ...none, fullRefresh: reasonOf(ours) };
  }
  const ids = [...new Set(ours.map(c => c.accountId))];
  const [units, parents] = await Promise.all([
    deps.organizationalUnits().then(unitsOfEntities),
    mapSettled(ids, deps.concurrency, id => deps.readAccountParent!(id)),
  ]);
  const accounts = new Map(organization.accounts);
  const failures: IngestionScopeFailure[] = [];
  for (const [i, parent] of parents.entries()) {
    if (parent.status === 'rejected') {
      failures.push({
        scope: `account-move:${ids[i]}`,
        ...describeAwsError(parent.reason),
      });
      continue;
    }
    const moved = movedAccount(accounts.get(ids[i])!, parent.value, units);
    if (moved === 'unchanged') continue;
    if ('fullRefresh' in moved) {
      return {
        ...none,
        failures,
        fullRefresh: `${reasonOf(ours)}: ${moved.fullRefresh}`,
      };
    }
    accounts.set(ids[i], moved.entity);
  }
  const changedIds = ids.filter(
    id => accounts.get(id) !== organization.accounts.get(id),
  );
  return {
    organization: withAccounts(organization, accounts),
    entities: changedIds.map(id => accounts.get(id)!),
    failures,
  };
}

function reasonOf(changes: readonly AccountMoveChange[]): string {
  return `MoveAccount (${
    changes.length === 1 ? 'an account' : `${changes.length} accounts`
  })`;
}

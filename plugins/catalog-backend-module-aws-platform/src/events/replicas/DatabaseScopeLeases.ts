import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { moduleDatabase } from '../../status/moduleDatabase';
import type { ScopeLeases } from './scopeLeases';

const TABLE = 'aws_platform_scope_leases';

interface LeaseRow {
  provider_name: string;
  account_id: string;
  holder: string;
  lease_until: number | string;
}

/** {@link ScopeLeases} in the catalog's database. */
export class DatabaseScopeLeases implements ScopeLeases {
  readonly #db: Knex;

  static async create(database: DatabaseService): Promise<DatabaseScopeLeases> {
    return new DatabaseScopeLeases(await moduleDatabase(database));
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async take(
    provider: string,
    accountIds: readonly string[],
    holder: string,
    times: { now: number; leaseUntil: number },
  ): Promise<Set<string>> {
    if (accountIds.length === 0) return new Set();
    await this.#db<LeaseRow>(TABLE)
      .insert(
        accountIds.map(accountId => ({
          provider_name: provider,
          account_id: accountId,
          holder,
          lease_until: 0,
        })),
      )
      .onConflict(['provider_name', 'account_id'])
      .ignore();
    // One statement: a row is this holder's if it was, or if its lease ran out.
    await this.#db<LeaseRow>(TABLE)
      .where({ provider_name: provider })
      .whereIn('account_id', accountIds)
      .where(q => q.where({ holder }).orWhere('lease_until', '<', times.now))
      .update({ holder, lease_until: times.leaseUntil });
    const held = await this.#db<LeaseRow>(TABLE)
      .where({ provider_name: provider, holder })
      .whereIn('account_id', accountIds)
      .select('account_id');
    return new Set(held.map(row => row.account_id));
  }

  async renew(
    provider: string,
    holder: string,
    leaseUntil: number,
  ): Promise<void> {
    await this.#db<LeaseRow>(TABLE)
      .where({ provider_name: provider, holder })
      .update({ lease_until: leaseUntil });
  }

  async release(
    provider: string,
    accountIds: readonly string[],
    holder: string,
  ): Promise<void> {
    if (accountIds.length === 0) return;
    await this.#db<LeaseRow>(TABLE)
      .where({ provider_name: provider, holder })
      .whereIn('account_id', accountIds)
      .delete();
  }
}

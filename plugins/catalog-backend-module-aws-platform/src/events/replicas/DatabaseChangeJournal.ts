import { randomUUID } from 'node:crypto';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { moduleDatabase } from '../../status/moduleDatabase';
import type { EventChange } from '../eventChange';
import type { ChangeJournal, JournalEntry } from './changeJournal';

const TABLE = 'aws_platform_event_changes';
const APPLIED = 'aws_platform_applied_changes';
/** Rows per insert: well under SQLite's 999 bound variables (8 per row). */
const ROWS_PER_INSERT = 100;

interface AppliedRow {
  provider_name: string;
  change_key: string;
  change: string;
  read_at: number | string;
}

interface ChangeRow {
  id: string;
  provider_name: string;
  change_key: string;
  change: string;
  received_at: number | string;
  holder: string;
  lease_until: number | string;
  takes: number;
}

/** A {@link ChangeJournal} in the catalog's database. */
export class DatabaseChangeJournal implements ChangeJournal {
  readonly #db: Knex;

  static async create(
    database: DatabaseService,
  ): Promise<DatabaseChangeJournal> {
    return new DatabaseChangeJournal(await moduleDatabase(database));
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async keep(
    provider: string,
    key: string,
    change: EventChange,
    holder: string,
    times: { now: number; leaseUntil: number },
  ): Promise<string> {
    const id = randomUUID();
    await this.#db<ChangeRow>(TABLE).insert({
      id,
      provider_name: provider,
      change_key: key,
      change: JSON.stringify(change),
      received_at: times.now,
      holder,
      lease_until: times.leaseUntil,
      takes: 1,
    });
    return id;
  }

  async renew(
    provider: string,
    holder: string,
    leaseUntil: number,
  ): Promise<void> {
    await this.#db<ChangeRow>(TABLE)
      .where({ provider_name: provider, holder })
      .update({ lease_until: leaseUntil });
  }

  async recordApplied(
    provider: string,
    changes: readonly { key: string; change: EventChange }[],
    readAt: number,
  ): Promise<void> {
    // One row per key (the last change of it), as the table keeps them.
    const byKey = new Map(changes.map(c => [c.key, c.change]));
    const rows = [...byKey].map(([key, change]) => ({
      provider_name: provider,
      change_key: key,
      change: JSON.stringify(change),
      read_at: readAt,
    }));
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      // A replica's older read must not replace a newer one of the key.
      await this.#db<AppliedRow>(APPLIED)
        .insert(rows.slice(i, i + ROWS_PER_INSERT))
        .onConflict(['provider_name', 'change_key'])
        .merge(['change', 'read_at'])
        .where(`${APPLIED}.read_at`, '<', readAt);
    }
  }

  async requeueApplied(
    provider: string,
    since: number,
    until: number,
  ): Promise<number> {
    const applied = await this.#db<AppliedRow>(APPLIED)
      .where({ provider_name: provider })
      .whereBetween('read_at', [since, until])
      .select('change_key', 'change');
    // Free for any replica (no holder, a lease long over), not taken yet.
    const rows = applied.map(row => ({
      id: randomUUID(),
      provider_name: provider,
      change_key: row.change_key,
      change: row.change,
      received_at: until,
      holder: '',
      lease_until: 0,
      takes: 0,
    }));
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await this.#db<ChangeRow>(TABLE).insert(
        rows.slice(i, i + ROWS_PER_INSERT),
      );
    }
    await this.#db<AppliedRow>(APPLIED)
      .where({ provider_name: provider })
      .where('read_at', '<', since)
      .delete();
    return rows.length;
  }

  async forget(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#db<ChangeRow>(TABLE).whereIn('id', ids).delete();
  }

  async giveBack(ids: readonly string[], holder: string): Promise<void> {
    if (ids.length === 0) return;
    await this.#db<ChangeRow>(TABLE)
      .whereIn('id', ids)
      .where({ holder })
      .update({ lease_until: 0 });
  }

  async takeAbandoned(
    provider: string,
    holder: string,
    times: { now: number; leaseUntil: number },
    limit: number,
  ): Promise<JournalEntry[]> {
    const rows = await this.#db<ChangeRow>(TABLE)
      .where({ provider_name: provider })
      .where('lease_until', '<', times.now)
      .orderBy('received_at')
      .limit(limit)
      .select('id', 'change_key', 'change', 'takes');
    const taken: JournalEntry[] = [];
    for (const row of rows) {
      // Another replica may have taken it since the select: only a lease
      // still run out is taken, so each change goes to one replica.
      const updated = await this.#db<ChangeRow>(TABLE)
        .where({ id: row.id })
        .where('lease_until', '<', times.now)
        .update({
          holder,
          lease_until: times.leaseUntil,
          takes: row.takes + 1,
        });
      if (updated === 1) {
        taken.push({
          id: row.id,
          key: row.change_key,
          change: JSON.parse(row.change) as EventChange,
          takes: row.takes + 1,
        });
      }
    }
    return taken;
  }
}

import type { ChangeJournal } from '../events/replicas/changeJournal';
import type { ScopeLeases } from '../events/replicas/scopeLeases';
import type { EventChange } from '../events/eventChange';

interface Row {
  provider: string;
  key: string;
  change: EventChange;
  receivedAt: number;
  holder: string;
  leaseUntil: number;
  takes: number;
}

/**
 * The replicas' journal and scope leases in memory, for one process (the
 * consumer's unit tests, the freshness bench's single backend): the same
 * rules as the database stores, which DatabaseChangeJournal.test and
 * DatabaseScopeLeases.test check on SQLite and PostgreSQL.
 */
export function memoryReplicaStores(): {
  journal: ChangeJournal & { rows: Map<string, Row> };
  leases: ScopeLeases;
} {
  const rows = new Map<string, Row>();
  const applied = new Map<
    string,
    { provider: string; key: string; change: EventChange; readAt: number }
  >();
  let next = 0;
  const leaseRows = new Map<string, { holder: string; leaseUntil: number }>();
  const journal: ChangeJournal & { rows: Map<string, Row> } = {
    rows,
    async keep(provider, key, change, holder, { now, leaseUntil }) {
      const id = `change-${++next}`;
      rows.set(id, {
        provider,
        key,
        change: structuredClone(change),
        receivedAt: now,
        holder,
        leaseUntil,
        takes: 1,
      });
      return id;
    },
    async renew(provider, holder, leaseUntil) {
      for (const row of rows.values()) {
        if (row.provider === provider && row.holder === holder) {
          row.leaseUntil = leaseUntil;
        }
      }
    },
    async recordApplied(provider, changes, readAt) {
      for (const { key, change } of changes) {
        const held = applied.get(`${provider} ${key}`);
        if (held && held.readAt >= readAt) continue;
        applied.set(`${provider} ${key}`, {
          provider,
          key,
          change: structuredClone(change),
          readAt,
        });
      }
    },
    async requeueApplied(provider, since, until) {
      let kept = 0;
      for (const [id, row] of applied) {
        if (row.provider !== provider) continue;
        if (row.readAt < since) applied.delete(id);
        if (row.readAt < since || row.readAt > until) continue;
        rows.set(`change-${++next}`, {
          provider,
          key: row.key,
          change: structuredClone(row.change),
          receivedAt: until,
          holder: '',
          leaseUntil: 0,
          takes: 0,
        });
        kept += 1;
      }
      return kept;
    },
    async forget(ids) {
      ids.forEach(id => rows.delete(id));
    },
    async giveBack(ids, holder) {
      for (const id of ids) {
        const row = rows.get(id);
        if (row?.holder === holder) row.leaseUntil = 0;
      }
    },
    async takeAbandoned(provider, holder, { now, leaseUntil }, limit) {
      return [...rows.entries()]
        .filter(([, row]) => row.provider === provider && row.leaseUntil < now)
        .sort(([, a], [, b]) => a.receivedAt - b.receivedAt)
        .slice(0, limit)
        .map(([id, row]) => {
          Object.assign(row, { holder, leaseUntil, takes: row.takes + 1 });
          return {
            id,
            key: row.key,
            change: structuredClone(row.change),
            takes: row.takes,
          };
        });
    },
  };
  const leases: ScopeLeases = {
    async take(provider, accountIds, holder, { now, leaseUntil }) {
      const taken = new Set<string>();
      for (const accountId of accountIds) {
        const key = `${provider} ${accountId}`;
        const row = leaseRows.get(key);
        if (!row || row.holder === holder || row.leaseUntil < now) {
          leaseRows.set(key, { holder, leaseUntil });
          taken.add(accountId);
        }
      }
      return taken;
    },
    async renew(provider, holder, leaseUntil) {
      for (const [key, row] of leaseRows) {
        if (key.startsWith(`${provider} `) && row.holder === holder) {
          row.leaseUntil = leaseUntil;
        }
      }
    },
    async release(provider, accountIds, holder) {
      for (const accountId of accountIds) {
        const key = `${provider} ${accountId}`;
        if (leaseRows.get(key)?.holder === holder) leaseRows.delete(key);
      }
    },
  };
  return { journal, leases };
}

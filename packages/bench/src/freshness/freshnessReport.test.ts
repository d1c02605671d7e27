import {
  refreshSummary,
  apiTable,
  callsPerChange,
  latencyTable,
  robustTable,
  verdicts,
} from './freshnessReport.ts';
import type { RoundResult } from './rounds.ts';

const count = (service: string, operation: string, calls: number) => ({
  service,
  operation,
  calls,
  throttled: 0,
  errors: 0,
  substituted: 0,
});

const samples = (...seconds: (number | undefined)[]) =>
  seconds.map((x, i) => ({
    label: `f${i + 1}`,
    accountId: '1',
    ...(x !== undefined && { latencyMs: x * 1000, mutation: 'delta' as const }),
  }));

const eks: RoundResult = {
  name: 'eks',
  samples: samples(6, 7, 8, 9),
  counts: [
    count('eks', 'DescribeCluster', 4),
    count('eks', 'ListNodegroups', 4),
    count('sts', 'AssumeRole', 2),
  ],
  refreshes: [],
};
const zone: RoundResult = {
  name: 'zone',
  samples: samples(6, undefined),
  counts: [count('route53', 'ListResourceRecordSets', 14)],
  refreshes: [],
};
const refresh = {
  durationMs: 120_000,
  entities: 10,
  failures: [],
  triggered: false,
};
const robust = {
  duplicated: { ...eks, name: 'dup' },
  dropped: { made: 3, seenByEvents: 0, repaired: 3, calls: 0 },
  lost: [],
  stale: [],
};

describe('freshness report', () => {
  it('counts the calls of a round per change', () => {
    expect(callsPerChange(eks)).toBe(2.5);
    expect(callsPerChange({ ...eks, samples: [] })).toBe(0);
  });

  it('puts each kind and the baseline in the latency table, with verdicts', () => {
    const table = latencyTable([eks, zone], {
      cadenceMs: 30 * 60_000,
      refresh,
      calls: 12_345,
    });
    const lines = table.split('\n');
    expect(lines[2]).toBe(
      '| eks | the cluster named (delta) | 4/4 | 7.0 | 9.0 | 9.0 | 2.5 | meets | meets |',
    );
    // A change that never arrived is a miss, whatever the others' latency.
    expect(lines[3]).toContain('| zone |');
    expect(lines[3]).toContain(
      '| 1/2 | 6.0 | 6.0 | 6.0 | 7.0 | misses | misses |',
    );
    // 15 min + 120 s, 28.5 min + 120 s, 30 min + 120 s.
    expect(lines[4]).toContain(
      '| 1020.0 | 1830.0 | 1920.0 | 12,345 per refresh | misses |',
    );
  });

  it('gives each API per change, and marks throttled calls', () => {
    const table = apiTable([
      eks,
      {
        ...zone,
        counts: [{ ...count('route53', 'ListHostedZones', 3), throttled: 1 }],
      },
    ]);
    expect(table.split('\n')).toEqual([
      '| API | eks | zone |',
      '| --- | --- | --- |',
      '| eks:DescribeCluster | 1 |  |',
      '| eks:ListNodegroups | 1 |  |',
      '| route53:ListHostedZones |  | 1.50 (1 thr) |',
      '| sts:AssumeRole | 0.50 |  |',
      '| all | 2.50 | 1.50 |',
    ]);
  });

  it('says what the bad deliveries came to', () => {
    const table = robustTable({ ...robust, repairRefresh: refresh });
    expect(table).toContain('| 4/4 by delta | 7.0 | 9.0 | 2.5 | 0 | 0 |');
    expect(table).toContain(
      '0/3 by events (0 AWS calls); 3/3 by the next full refresh (120.0 s)',
    );
  });

  it("says how long a refresh took, and how many accounts' tags it carried", () => {
    const repair = {
      durationMs: 12_345,
      entities: 10,
      failures: [],
      triggered: true,
    };
    expect(refreshSummary(repair)).toBe('12.3 s');
    expect(refreshSummary({ ...repair, tagsCarried: 997 })).toBe(
      "12.3 s, 997 accounts' tags carried",
    );
  });

  it('words the goals plainly', () => {
    expect(
      verdicts([eks, zone], { ...robust, lost: ['resource:default/x'] }),
    ).toEqual([
      'MEETS p95 ≤ 30 s, eks: 9.0 s',
      'MEETS ≤ 5 AWS calls per change, eks: 2.5',
      'MISSES p95 ≤ 30 s, zone: 1 of 2 changes never reached the catalog',
      'MISSES ≤ 5 AWS calls per change, zone: 7.0',
      'MISSES 0 entities lost with events duplicated and reordered: 1 lost, 0 changes missing',
      'MEETS dropped events repaired within one cadence: 3/3 by one full refresh',
    ]);
  });
});

import {
  callsPerTtl,
  maxInWindow,
  readsPerKey,
  resourceOf,
  withoutTimes,
} from './awsCallsPerTtl.ts';
import type { RecordedCall } from './recordingProxy.ts';

const call = (
  atMs: number,
  changes: Partial<RecordedCall> = {},
): RecordedCall => ({
  atMs,
  service: 'eks',
  operation: 'DescribeCluster',
  region: 'us-east-1',
  accessKeyId: 'ASIAPRODUCTION',
  accountId: '715451680876',
  method: 'GET',
  path: '/clusters/acme-production-v1',
  body: '',
  attempt: 1,
  status: 200,
  ...changes,
});

describe('maxInWindow', () => {
  it('counts the most times that fall within any window of that length', () => {
    expect(maxInWindow([], 10)).toBe(0);
    expect(maxInWindow([0, 10, 20], 10)).toBe(1);
    expect(maxInWindow([0, 9, 20], 10)).toBe(2);
    expect(maxInWindow([0, 1, 2, 50, 51], 10)).toBe(3);
  });
});

describe('resourceOf', () => {
  it('names clusters, NS lookups and backup targets with their account', () => {
    expect(
      resourceOf(call(0, { path: '/clusters/acme-production-v1/node-groups' })),
    ).toBe('eks cluster acme-production-v1 us-east-1 (715451680876)');
    expect(
      resourceOf(
        call(0, {
          service: 'route53',
          operation: 'ListResourceRecordSets',
          path: '/2013-04-01/hostedzone/Z123/rrset?name=production.example.com&type=NS&maxitems=1',
          accountId: undefined,
        }),
      ),
    ).toBe('route53 NS production.example.com in Z123');
    expect(
      resourceOf(
        call(0, {
          service: 'backup',
          path: '/backup-vaults/platform/recovery-points/?createdAfter=1764000000&maxResults=50',
        }),
      ),
    ).toBe('backup recovery-points of vault platform us-east-1 (715451680876)');
    expect(
      resourceOf(
        call(0, {
          service: 'backup',
          path: '/backup-jobs/?backupVaultName=platform&maxResults=50',
        }),
      ),
    ).toBe('backup backup-jobs of vault platform us-east-1 (715451680876)');
    expect(
      resourceOf(
        call(0, { service: 'backup', path: '/copy-jobs/?maxResults=50' }),
      ),
    ).toBe('backup copy-jobs of the account us-east-1 (715451680876)');
  });
});

describe('withoutTimes', () => {
  it('drops time-valued query parameters only', () => {
    expect(
      withoutTimes(
        '/backup-jobs/?backupVaultName=platform&createdAfter=1764000000.5&maxResults=50',
      ),
    ).toBe('/backup-jobs/?backupVaultName=platform&maxResults=50');
    expect(
      withoutTimes('/copy-jobs/?createdAfter=2026-11-18T12%3A00%3A00.000Z'),
    ).toBe('/copy-jobs/');
    expect(withoutTimes('/clusters/a?maxResults=100')).toBe(
      '/clusters/a?maxResults=100',
    );
  });
});

describe('readsPerKey', () => {
  it('counts the reads of each cache key and the most within one TTL', () => {
    expect(
      readsPerKey(
        [
          { key: 'b', atMs: 500 },
          { key: 'a', atMs: 0 },
          { key: 'a', atMs: 10_000 },
          { key: 'a', atMs: 15_000 },
        ],
        10_000,
      ),
    ).toEqual([
      { key: 'a', reads: 3, maxPerTtl: 2, minRepeatMs: 5_000 },
      { key: 'b', reads: 1, maxPerTtl: 1, minRepeatMs: undefined },
    ]);
  });
});

describe('callsPerTtl', () => {
  it('finds a resource read twice within one TTL', () => {
    const result = callsPerTtl(
      [
        call(0),
        call(5, { path: '/clusters/acme-production-v1/node-groups' }),
        call(9_000),
        call(30_000),
      ],
      10_000,
    );
    expect(result.maxPerTtl).toBe(2);
    expect(result.resources).toEqual([
      {
        resource: 'eks cluster acme-production-v1 us-east-1 (715451680876)',
        calls: 4,
        reads: 3,
        maxPerTtl: 2,
        minRepeatMs: 9_000,
      },
    ]);
  });

  it('sees the same request in another time window as a repeat', () => {
    const jobs = (atMs: number, after: number) =>
      call(atMs, {
        service: 'backup',
        path: `/backup-jobs/?backupVaultName=platform&createdAfter=${after}`,
      });
    const result = callsPerTtl(
      [jobs(0, 1764000000), jobs(3_000, 1764000003)],
      10_000,
    );
    expect(result.maxPerTtl).toBe(2);
  });

  it('accepts one read per TTL, and keeps retries, AssumeRole and other credentials apart', () => {
    const result = callsPerTtl(
      [
        call(0, { service: 'sts', operation: 'AssumeRole', path: '/' }),
        call(10),
        call(12, { attempt: 2 }),
        // The same path with another account's credentials is another resource read.
        call(20, { accessKeyId: 'ASIASANDBOX', accountId: '171870262174' }),
        call(10_010),
      ],
      10_000,
    );
    expect(result).toMatchObject({
      calls: 4,
      retries: 1,
      assumeRole: 1,
      maxPerTtl: 1,
    });
    expect(result.resources.map(r => [r.resource, r.reads])).toEqual([
      ['eks cluster acme-production-v1 us-east-1 (171870262174)', 1],
      ['eks cluster acme-production-v1 us-east-1 (715451680876)', 2],
    ]);
  });
});

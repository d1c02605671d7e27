import type { IngestionScopeFailure } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { IngestionStatusStore } from './ingestionStatusStore';

const ROLE_ARN =
  'arn:aws:iam::999988887777:role/backstage-readonly is not authorized';

function storeWith(failures: IngestionScopeFailure[]) {
  const store = new IngestionStatusStore();
  store.record({
    provider: 'AwsOrganizationEntityProvider',
    lastRunAt: '2026-12-04T17:00:00.000Z',
    outcome: 'partial',
    durationMs: 10,
    entityCount: 3,
    failures,
  });
  return store;
}

describe('IngestionStatusStore', () => {
  it('keeps the error name, HTTP status and scope of a failure, not AWS’s message', () => {
    const store = storeWith([
      {
        scope: 'eks:715451680876:us-east-1',
        errorName: 'AccessDeniedException',
        httpStatus: 403,
        message: `User: ${ROLE_ARN}`,
      },
    ]);
    expect(store.list()[0].failures).toEqual([
      {
        scope: 'eks:715451680876:us-east-1',
        errorName: 'AccessDeniedException',
        httpStatus: 403,
        message:
          'AccessDeniedException (HTTP 403) in eks:715451680876:us-east-1',
      },
    ]);
    expect(JSON.stringify(store.list())).not.toContain('999988887777');
  });

  it('summarises failures without an HTTP status, such as the suite’s own refusals', () => {
    const store = storeWith([
      {
        scope: 'removal-guard',
        errorName: 'RemovalRefused',
        message: 'would remove 40 of 100 entities',
      },
    ]);
    expect(store.list()[0].failures[0]).toEqual({
      scope: 'removal-guard',
      errorName: 'RemovalRefused',
      message: 'RemovalRefused in removal-guard',
    });
  });

  it('replaces an error name that is not a plain identifier', () => {
    const store = storeWith([
      {
        scope: 'organization',
        errorName: ROLE_ARN,
        httpStatus: 0.5,
        message: '',
      },
    ]);
    expect(store.list()[0].failures[0]).toEqual({
      scope: 'organization',
      errorName: 'Error',
      message: 'Error in organization',
    });
  });

  it('lists one status per provider, the latest, sorted by provider', () => {
    const store = new IngestionStatusStore();
    const status = {
      lastRunAt: '2026-12-04T17:00:00.000Z',
      outcome: 'ok' as const,
      durationMs: 1,
      failures: [],
    };
    store.record({ ...status, provider: 'b', entityCount: 1 });
    store.record({ ...status, provider: 'a', entityCount: 1 });
    store.record({ ...status, provider: 'b', entityCount: 2 });
    expect(store.list().map(s => [s.provider, s.entityCount])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('keeps partial reads as their error name, HTTP status and scope too', () => {
    const store = new IngestionStatusStore();
    store.record({
      provider: 'AwsPlatformEntityProvider',
      lastRunAt: '2026-12-04T17:00:00.000Z',
      outcome: 'ok',
      durationMs: 10,
      entityCount: 3,
      failures: [],
      partialReads: [
        {
          scope: 'backup:715451680876:us-east-1',
          errorName: 'AccessDeniedException',
          httpStatus: 403,
          message: `the selections of 1 of 1 plans are unknown: User: ${ROLE_ARN}`,
        },
      ],
    });
    expect(store.list()[0].partialReads).toEqual([
      expect.objectContaining({
        scope: 'backup:715451680876:us-east-1',
        errorName: 'AccessDeniedException',
      }),
    ]);
    expect(JSON.stringify(store.list())).not.toContain('999988887777');
  });

  it('keeps the regions read per account and their source, and no other field', () => {
    const store = new IngestionStatusStore();
    const regionsRead = [
      {
        accountId: '715451680876',
        regions: ['ap-southeast-2', 'us-east-1'],
        source: 'discovered' as const,
        // Not part of the DTO: must not reach the browser.
        roleArn: ROLE_ARN,
      },
    ];
    store.record({
      provider: 'AwsPlatformEntityProvider',
      lastRunAt: '2026-12-04T17:00:00.000Z',
      outcome: 'ok',
      durationMs: 10,
      entityCount: 3,
      failures: [],
      regionsRead,
    });
    expect(store.list()[0].regionsRead).toEqual([
      {
        accountId: '715451680876',
        regions: ['ap-southeast-2', 'us-east-1'],
        source: 'discovered',
      },
    ]);
    expect(JSON.stringify(store.list())).not.toContain('999988887777');
  });
});

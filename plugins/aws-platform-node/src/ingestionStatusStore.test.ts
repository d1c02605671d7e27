import type {
  IngestionProviderStatus,
  IngestionScopeFailure,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { browserSafeIngestionStatus } from './ingestionStatusStore';

const ROLE_ARN =
  'arn:aws:iam::999988887777:role/backstage-readonly is not authorized';

const base: IngestionProviderStatus = {
  provider: 'AwsPlatformEntityProvider:default',
  lastRunAt: '2026-12-04T17:00:00.000Z',
  outcome: 'partial',
  durationMs: 10,
  entityCount: 3,
  failures: [],
};

function safeFailures(failures: IngestionScopeFailure[]) {
  return browserSafeIngestionStatus({ ...base, failures }).failures;
}

describe('browserSafeIngestionStatus', () => {
  it('keeps the error name, HTTP status and scope of a failure, not AWS’s message', () => {
    const failures = safeFailures([
      {
        scope: 'eks:715451680876:us-east-1',
        errorName: 'AccessDeniedException',
        httpStatus: 403,
        message: `User: ${ROLE_ARN}`,
      },
    ]);
    expect(failures).toEqual([
      {
        scope: 'eks:715451680876:us-east-1',
        errorName: 'AccessDeniedException',
        httpStatus: 403,
        message:
          'AccessDeniedException (HTTP 403) in eks:715451680876:us-east-1',
      },
    ]);
    expect(JSON.stringify(failures)).not.toContain('999988887777');
  });

  it('summarises failures without an HTTP status, such as the suite’s own refusals', () => {
    const [failure] = safeFailures([
      {
        scope: 'removal-guard',
        errorName: 'RemovalRefused',
        message: 'would remove 40 of 100 entities',
      },
    ]);
    expect(failure).toEqual({
      scope: 'removal-guard',
      errorName: 'RemovalRefused',
      message: 'RemovalRefused in removal-guard',
    });
  });

  it('replaces an error name that is not a plain identifier', () => {
    const [failure] = safeFailures([
      {
        scope: 'organization',
        errorName: ROLE_ARN,
        httpStatus: 0.5,
        message: '',
      },
    ]);
    expect(failure).toEqual({
      scope: 'organization',
      errorName: 'Error',
      message: 'Error in organization',
    });
  });

  it('keeps partial reads as their error name, HTTP status and scope too', () => {
    const safe = browserSafeIngestionStatus({
      ...base,
      partialReads: [
        {
          scope: 'backup:715451680876:us-east-1',
          errorName: 'AccessDeniedException',
          httpStatus: 403,
          message: `the selections of 1 of 1 plans are unknown: User: ${ROLE_ARN}`,
        },
      ],
    });
    expect(safe.partialReads).toEqual([
      expect.objectContaining({
        scope: 'backup:715451680876:us-east-1',
        errorName: 'AccessDeniedException',
      }),
    ]);
    expect(JSON.stringify(safe)).not.toContain('999988887777');
  });

  it('keeps only the fields of the DTO: regions read, role conflicts, account tags and the status itself', () => {
    const status = {
      ...base,
      // Not part of the DTO: must not reach the browser.
      roleArn: ROLE_ARN,
      regionsRead: [
        {
          accountId: '715451680876',
          regions: ['ap-southeast-2', 'us-east-1'],
          source: 'discovered' as const,
          roleArn: ROLE_ARN,
        },
      ],
      roleConflicts: [
        { accountId: '715451680876', role: 'network', roleArn: ROLE_ARN },
      ],
      accountTags: { read: 3, carried: 997, roleArn: ROLE_ARN },
    };
    const safe = browserSafeIngestionStatus(status);
    expect(safe.accountTags).toEqual({ read: 3, carried: 997 });
    expect(safe.regionsRead).toEqual([
      {
        accountId: '715451680876',
        regions: ['ap-southeast-2', 'us-east-1'],
        source: 'discovered',
      },
    ]);
    expect(safe.roleConflicts).toEqual([
      { accountId: '715451680876', role: 'network' },
    ]);
    expect(JSON.stringify(safe)).not.toContain('999988887777');
  });
});

import { landingZoneFromManifest } from './landingZoneManifest';

describe('landingZoneFromManifest', () => {
  it('takes the logging and security accounts and the governed regions', () => {
    expect(
      landingZoneFromManifest({
        governedRegions: ['us-east-1', 'eu-west-1'],
        organizationStructure: { security: { name: 'Security' } },
        centralizedLogging: {
          accountId: '222222222222',
          configurations: { loggingBucket: { retentionDays: 60 } },
          enabled: true,
        },
        securityRoles: { accountId: '333333333333' },
        accessManagement: { enabled: true },
      }),
    ).toEqual({
      logArchiveAccountId: '222222222222',
      auditAccountId: '333333333333',
      governedRegions: ['us-east-1', 'eu-west-1'],
    });
  });

  it('leaves out what is missing or not an account id', () => {
    expect(
      landingZoneFromManifest({
        centralizedLogging: { accountId: 'logs' },
        governedRegions: 'us-east-1',
      }),
    ).toEqual({ governedRegions: [] });
    expect(landingZoneFromManifest(undefined)).toEqual({ governedRegions: [] });
  });
});

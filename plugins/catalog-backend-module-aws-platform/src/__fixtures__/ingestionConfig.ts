import type { IngestionConfig } from '../ingestionConfig';

/** An ingestion config with the defaults of readIngestionConfig, for tests. */
export function testIngestionConfig(
  overrides: Partial<IngestionConfig> = {},
): IngestionConfig {
  return {
    id: 'default',
    organization: { region: 'us-east-1' },
    defaultOwner: 'group:default/platform-team',
    ownerTagKey: 'owner',
    roleTagKey: 'aws-platform/role',
    roleOwners: {},
    roleOverrides: {},
    concurrency: 2,
    regions: ['us-east-1'],
    services: ['route53', 'eks', 'backup'],
    accountConcurrency: 2,
    excludeAccountIds: [],
    maxRemovalShare: 0.25,
    schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
    ...overrides,
  };
}

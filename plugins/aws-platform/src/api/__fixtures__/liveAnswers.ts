import { ResponseError } from '@backstage/errors';
import type {
  LiveBackupActivity,
  LiveClusterStatus,
  LiveZoneDelegation,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AwsPlatformApi } from '../AwsPlatformApi';
import { awsPlatformApiRef } from '../AwsPlatformApi';

/*
 * Answers of the backend's live endpoints as it sends them for the
 * reference estate, and a mock of the API for component tests.
 */

const PRODUCTION = '715451680876';
const BACKUP = '610271939441';

export const liveProductionCluster: LiveClusterStatus = {
  entityRef: `resource:default/acme-production-v1-${PRODUCTION}-us-east-1`,
  readAt: '2026-11-25T10:00:05.000Z',
  cluster: {
    name: 'acme-production-v1',
    accountId: PRODUCTION,
    region: 'us-east-1',
    status: 'ACTIVE',
    version: '1.33',
    platformVersion: 'eks.12',
    supportType: 'STANDARD',
    health: [],
  },
  nodegroups: [
    {
      name: 'acme-production-v1-batch-us-east-1b',
      status: 'DEGRADED',
      version: '1.32',
      capacityType: 'SPOT',
      instanceTypes: ['c6i.xlarge'],
      desiredSize: 4,
      minSize: 0,
      maxSize: 10,
      health: [
        {
          code: 'AsgInstanceLaunchFailures',
          message: 'Could not launch Spot Instances.',
        },
      ],
    },
    {
      name: 'acme-production-v1-general-us-east-1a',
      status: 'ACTIVE',
      version: '1.33',
      releaseVersion: '1.33.0-20250715',
      capacityType: 'ON_DEMAND',
      instanceTypes: ['m6i.large'],
      desiredSize: 2,
      minSize: 1,
      maxSize: 3,
      health: [],
    },
  ],
  addons: [
    {
      name: 'coredns',
      version: 'v1.12.1-eksbuild.2',
      status: 'ACTIVE',
      health: [],
    },
  ],
  insights: [
    {
      id: 'i-2',
      name: 'Deprecated APIs removed in Kubernetes v1.34',
      category: 'UPGRADE_READINESS',
      kubernetesVersion: '1.34',
      status: 'ERROR',
      reason: 'Deprecated API usage detected within last 30 days.',
    },
    {
      id: 'i-1',
      name: 'Kubelet version skew',
      kubernetesVersion: '1.34',
      status: 'PASSING',
      reason: 'No issues found.',
    },
  ],
  gaps: {},
};

/** What the local emulator gives: no add-on or insight API. */
export const liveClusterWithGaps: LiveClusterStatus = {
  ...liveProductionCluster,
  nodegroups: [],
  addons: undefined,
  insights: undefined,
  gaps: { addons: 'denied', insights: 'unavailable' },
};

export const liveSandboxDrift: LiveZoneDelegation = {
  entityRef: 'resource:default/sandbox-example-com-806480a1',
  readAt: '2026-11-25T10:00:07.000Z',
  zone: {
    id: 'Z05SANDBOX',
    name: 'sandbox.example.com',
    accountId: '171870262174',
    private: false,
    nameServers: ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.co.uk'],
  },
  parent: {
    entityRef: 'resource:default/example-com-1162d58f',
    id: 'Z01ROOT',
    name: 'example.com',
    accountId: '454948083136',
    record: {
      nameServers: ['ns-1.awsdns-01.org', 'ns-9999.awsdns-99.net'],
      ttl: 3600,
    },
  },
  status: 'drift',
  missing: ['ns-2.awsdns-02.co.uk'],
  extra: ['ns-9999.awsdns-99.net'],
};

const VAULT_ARN = `arn:aws:backup:us-east-1:${PRODUCTION}:backup-vault:user-backup-vault`;
const COPY_ARN = `arn:aws:backup:us-east-1:${BACKUP}:backup-vault:user-backup-vault`;

export const liveVaultActivity: LiveBackupActivity = {
  entityRef: `resource:default/user-backup-vault-${PRODUCTION}-us-east-1`,
  readAt: '2026-11-25T10:00:09.000Z',
  kind: 'vault',
  accountId: PRODUCTION,
  region: 'us-east-1',
  window: { since: '2026-11-18T10:00:09.000Z', days: 7, maxItems: 50 },
  jobs: {
    items: [
      {
        id: 'job-failed',
        state: 'FAILED',
        statusMessage: 'The DB instance is not in an available state.',
        resourceArn: `arn:aws:rds:us-east-1:${PRODUCTION}:db:storefront`,
        resourceType: 'RDS',
        createdAt: '2026-11-25T02:00:00.000Z',
      },
      {
        id: 'job-completed',
        state: 'COMPLETED',
        resourceName: 'storefront',
        resourceType: 'RDS',
        createdAt: '2026-11-24T02:00:00.000Z',
        completedAt: '2026-11-24T02:20:00.000Z',
        sizeBytes: 2_147_483_648,
      },
    ],
    truncated: true,
  },
  copyJobs: {
    items: [
      {
        id: 'copy-completed',
        state: 'COMPLETED',
        resourceName: 'storefront',
        sourceVaultArn: VAULT_ARN,
        destinationVaultArn: COPY_ARN,
        createdAt: '2026-11-24T02:25:00.000Z',
        completedAt: '2026-11-24T03:00:00.000Z',
      },
    ],
    truncated: false,
  },
  recoveryPoints: {
    items: [
      {
        arn: `arn:aws:backup:us-east-1:${PRODUCTION}:recovery-point:rp-1`,
        status: 'COMPLETED',
        resourceName: 'storefront',
        resourceType: 'RDS',
        createdAt: '2026-11-24T02:00:00.000Z',
        sizeBytes: 2_147_483_648,
        deleteAt: '2027-08-21T02:00:00.000Z',
      },
    ],
    truncated: false,
  },
  gaps: {},
};

/** A plan whose account shows nothing in the window. */
export const liveQuietPlan: LiveBackupActivity = {
  entityRef: `resource:default/backup-plan-c64c1133-${PRODUCTION}-us-east-1`,
  readAt: '2026-11-25T10:00:09.000Z',
  kind: 'plan',
  accountId: PRODUCTION,
  region: 'us-east-1',
  window: { since: '2026-11-18T10:00:09.000Z', days: 7, maxItems: 50 },
  jobs: { items: [], truncated: false },
  copyJobs: { items: [], truncated: false },
  gaps: {},
};

/** A ResponseError as the client throws it for an error answer of the backend. */
export async function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/aws-platform/live' },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: name,
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}

/**
 * The API for `apis` of renderInTestApp; methods not given never answer,
 * which keeps a card's live section loading.
 */
export function liveApiMock(overrides: Partial<AwsPlatformApi> = {}) {
  const pending = () => new Promise<never>(() => {});
  const api: AwsPlatformApi = {
    getClusterLiveStatus: jest.fn(pending),
    getZoneDelegation: jest.fn(pending),
    getBackupActivity: jest.fn(pending),
    getIngestionStatus: jest.fn(pending),
    ...overrides,
  };
  return [awsPlatformApiRef, api] as const;
}

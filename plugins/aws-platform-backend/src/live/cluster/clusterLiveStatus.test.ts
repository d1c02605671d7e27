import {
  corednsAddon,
  degradedNodegroup,
  describedCluster,
  generalNodegroup,
  insights,
  vpcCniAddon,
} from '../__fixtures__/awsResponses';
import { PRODUCTION } from '../__fixtures__/liveEntities';
import { clusterLiveStatus } from './clusterLiveStatus';

const target = {
  accountId: PRODUCTION,
  region: 'us-east-1',
  name: 'acme-production-v1',
};
const readAt = new Date('2026-11-25T10:00:00Z');

describe('clusterLiveStatus', () => {
  it('maps the cluster, node groups, add-ons and insights', () => {
    const body = clusterLiveStatus(
      target,
      {
        cluster: describedCluster,
        nodegroups: [generalNodegroup, degradedNodegroup],
        addons: { value: [vpcCniAddon, corednsAddon] },
        insights: { value: insights },
      },
      readAt,
    );

    expect(body).toEqual({
      readAt: '2026-11-25T10:00:00.000Z',
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
          amiType: 'AL2023_x86_64_STANDARD',
          instanceTypes: ['m6i.large', 'm5.large'],
          desiredSize: 2,
          minSize: 1,
          maxSize: 3,
          health: [],
          modifiedAt: '2026-11-20T08:00:00.000Z',
        },
      ],
      addons: [
        {
          name: 'coredns',
          version: 'v1.12.1-eksbuild.2',
          status: 'ACTIVE',
          health: [],
          modifiedAt: '2026-11-01T10:00:00.000Z',
        },
        {
          name: 'vpc-cni',
          version: 'v1.19.5-eksbuild.1',
          status: 'DEGRADED',
          health: [
            {
              code: 'InsufficientNumberOfReplicas',
              message: '1 of 3 replicas ready',
            },
          ],
        },
      ],
      // Worst first.
      insights: [
        {
          id: 'a1b2c3d4-0000-4000-8000-000000000002',
          name: 'Deprecated APIs removed in Kubernetes v1.34',
          category: 'UPGRADE_READINESS',
          kubernetesVersion: '1.34',
          status: 'ERROR',
          reason: 'Deprecated API usage detected within last 30 days.',
          lastRefreshedAt: '2026-11-25T06:00:00.000Z',
        },
        {
          id: 'a1b2c3d4-0000-4000-8000-000000000001',
          name: 'Kubelet version skew',
          category: 'UPGRADE_READINESS',
          kubernetesVersion: '1.34',
          status: 'PASSING',
          reason: 'No issues found.',
          description:
            'Checks the kubelet versions of the nodes against the control plane.',
          lastRefreshedAt: '2026-11-25T06:00:00.000Z',
        },
      ],
      gaps: {},
    });
  });

  it('never passes on endpoints, certificates, role ARNs or tags', () => {
    const json = JSON.stringify(
      clusterLiveStatus(
        target,
        {
          cluster: describedCluster,
          nodegroups: [generalNodegroup],
          addons: { value: [corednsAddon] },
          insights: { value: [] },
        },
        readAt,
      ),
    );
    for (const secretish of [
      describedCluster.endpoint!,
      describedCluster.certificateAuthority!.data!,
      'arn:aws:iam::',
      'platform-team',
    ]) {
      expect(json).not.toContain(secretish);
    }
  });

  it('reports add-ons and insights it could not read as gaps', () => {
    const body = clusterLiveStatus(
      target,
      {
        cluster: { name: 'acme-production-v1' },
        nodegroups: [],
        addons: { gap: 'denied' },
        insights: { gap: 'unavailable' },
      },
      readAt,
    );
    expect(body.addons).toBeUndefined();
    expect(body.insights).toBeUndefined();
    expect(body.gaps).toEqual({ addons: 'denied', insights: 'unavailable' });
    expect(body.cluster).toEqual({
      name: 'acme-production-v1',
      accountId: PRODUCTION,
      region: 'us-east-1',
      status: 'UNKNOWN',
      health: [],
    });
  });
});

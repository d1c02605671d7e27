import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListAddonsCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { readClusters } from './readClusters';

// aws-sdk-client-mock replaces `send`, so these tests exercise our paging,
// fan-out and error handling; the SDK's retries are not exercised here.
const eks = mockClient(EKSClient);
const ssm = mockClient(SSMClient);

function awsError(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error(`${name} from the mock`), {
    name,
    $metadata: { httpStatusCode },
  });
}

// What the SDK reports when moto answers an unimplemented route with HTML.
function htmlNotFound(): Error {
  return Object.assign(new SyntaxError("Unexpected token '<'"), {
    $metadata: { httpStatusCode: 404 },
  });
}

function describedCluster(name: string, version = '1.33') {
  return {
    cluster: {
      name,
      arn: `arn:aws:eks:us-east-1:715451680876:cluster/${name}`,
      version,
      platformVersion: 'eks.12',
      status: 'ACTIVE' as const,
      endpoint: `https://${name}.gr7.us-east-1.eks.amazonaws.com`,
      certificateAuthority: { data: 'Q0E=' },
      identity: {
        oidc: { issuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/X' },
      },
      createdAt: new Date('2025-06-02T09:30:00Z'),
      tags: { owner: 'platform-team' },
    },
  };
}

const read = () =>
  readClusters(new EKSClient({}), new SSMClient({}), { concurrency: 2 });

describe('readClusters', () => {
  beforeEach(() => {
    eks.reset();
    ssm.reset();
    // Two pages of clusters.
    eks
      .on(ListClustersCommand)
      .resolves({
        clusters: ['acme-production-v1', 'analytics'],
        nextToken: 'c2',
      })
      .on(ListClustersCommand, { nextToken: 'c2' })
      .resolves({ clusters: ['acme-staging-v2'] });
    eks
      .on(DescribeClusterCommand)
      .callsFake(({ name }) => describedCluster(name));
    // Production has two pages of node groups; the others have none.
    eks
      .on(ListNodegroupsCommand)
      .resolves({ nodegroups: [] })
      .on(ListNodegroupsCommand, { clusterName: 'acme-production-v1' })
      .resolves({ nodegroups: ['ng-b'], nextToken: 'n2' })
      .on(ListNodegroupsCommand, {
        clusterName: 'acme-production-v1',
        nextToken: 'n2',
      })
      .resolves({ nodegroups: ['ng-a'] });
    eks.on(DescribeNodegroupCommand).callsFake(({ nodegroupName }) => ({
      nodegroup: {
        nodegroupName,
        status: 'ACTIVE',
        version: '1.32',
        instanceTypes: ['m6i.large'],
        scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
      },
    }));
    eks
      .on(ListAddonsCommand)
      .resolves({ addons: [] })
      .on(ListAddonsCommand, { clusterName: 'acme-production-v1' })
      .resolves({ addons: ['vpc-cni', 'coredns'] });
    eks.on(DescribeAddonCommand).callsFake(({ addonName }) => ({
      addon: { addonName, addonVersion: `${addonName}-1`, status: 'ACTIVE' },
    }));
    // Two pages of SSM parameters, names only.
    ssm
      .on(GetParametersByPathCommand)
      .resolves({
        Parameters: [
          { Name: '/flightdeck/acme-production-v1/oidc_issuer' },
          { Name: '/flightdeck/prometheus/production/workspace_id' },
        ],
        NextToken: 's2',
      })
      .on(GetParametersByPathCommand, { NextToken: 's2' })
      .resolves({
        Parameters: [{ Name: '/flightdeck/acme-staging-v2/node_role_arn' }],
      });
  });

  it('pages clusters, node groups and SSM and reads every detail', async () => {
    const clusters = await read();

    expect(clusters.map(c => c.name)).toEqual([
      'acme-production-v1',
      'analytics',
      'acme-staging-v2',
    ]);
    expect(clusters[0]).toEqual({
      name: 'acme-production-v1',
      arn: 'arn:aws:eks:us-east-1:715451680876:cluster/acme-production-v1',
      version: '1.33',
      platformVersion: 'eks.12',
      status: 'ACTIVE',
      endpoint: 'https://acme-production-v1.gr7.us-east-1.eks.amazonaws.com',
      certificateAuthority: 'Q0E=',
      oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/X',
      createdAt: '2025-06-02T09:30:00.000Z',
      tags: { owner: 'platform-team' },
      nodegroups: ['ng-a', 'ng-b'].map(name => ({
        name,
        status: 'ACTIVE',
        version: '1.32',
        instanceTypes: ['m6i.large'],
        desiredSize: 2,
        minSize: 1,
        maxSize: 3,
      })),
      addons: [
        { name: 'coredns', version: 'coredns-1', status: 'ACTIVE' },
        { name: 'vpc-cni', version: 'vpc-cni-1', status: 'ACTIVE' },
      ],
      flightdeck: {
        detected: true,
        parameters: ['/flightdeck/acme-production-v1/oidc_issuer'],
      },
    });
    expect(clusters[1].addons).toEqual([]);
    expect(clusters[1].flightdeck).toEqual({ detected: false, parameters: [] });
    expect(clusters[2].flightdeck?.detected).toBe(true);

    expect(eks).toHaveReceivedCommandWith(ListClustersCommand, {
      maxResults: 100,
    });
    expect(eks).toHaveReceivedCommandTimes(ListClustersCommand, 2);
    expect(eks).toHaveReceivedCommandWith(ListNodegroupsCommand, {
      clusterName: 'acme-production-v1',
      maxResults: 100,
    });
    expect(eks).toHaveReceivedCommandTimes(DescribeClusterCommand, 3);
    expect(eks).toHaveReceivedCommandTimes(DescribeNodegroupCommand, 2);
    // One paged SSM read for the whole account and region, not one per cluster.
    expect(ssm).toHaveReceivedCommandTimes(GetParametersByPathCommand, 2);
    expect(ssm).toHaveReceivedCommandWith(GetParametersByPathCommand, {
      Path: '/flightdeck/',
      Recursive: true,
      WithDecryption: false,
      MaxResults: 10,
    });
  });

  it('reads only the clusters an event named, each with its own Flightdeck path', async () => {
    ssm
      .on(GetParametersByPathCommand, { Path: '/flightdeck/acme-staging-v2' })
      .resolves({
        Parameters: [{ Name: '/flightdeck/acme-staging-v2/node_role_arn' }],
      });
    const clusters = await readClusters(new EKSClient({}), new SSMClient({}), {
      names: ['acme-staging-v2'],
    });

    expect(clusters.map(c => [c.name, c.flightdeck?.detected])).toEqual([
      ['acme-staging-v2', true],
    ]);
    expect(eks).toHaveReceivedCommandTimes(ListClustersCommand, 0);
    expect(eks).toHaveReceivedCommandTimes(DescribeClusterCommand, 1);
    expect(ssm).toHaveReceivedCommandTimes(GetParametersByPathCommand, 1);
  });

  it('leaves out a named cluster that is gone', async () => {
    eks
      .on(DescribeClusterCommand, { name: 'deleted' })
      .rejects(awsError('ResourceNotFoundException', 404));
    await expect(
      readClusters(new EKSClient({}), new SSMClient({}), {
        names: ['deleted'],
      }),
    ).resolves.toEqual([]);
  });

  it('makes no SSM call when the region has no clusters', async () => {
    eks.on(ListClustersCommand).resolves({ clusters: [] });
    await expect(read()).resolves.toEqual([]);
    expect(ssm).toHaveReceivedCommandTimes(GetParametersByPathCommand, 0);
  });

  it.each([
    ['denied', () => awsError('AccessDeniedException', 403)],
    ['not served (moto)', htmlNotFound],
  ])(
    'keeps addons undefined when ListAddons is %s, and reads the rest',
    async (_, error) => {
      eks
        .on(ListAddonsCommand, { clusterName: 'acme-production-v1' })
        .rejects(error());

      const clusters = await read();

      expect(clusters).toHaveLength(3);
      expect(clusters[0].addons).toBeUndefined();
      expect(clusters[0].nodegroups).toHaveLength(2);
      expect(clusters[1].addons).toEqual([]);
      expect(eks).toHaveReceivedCommandTimes(DescribeAddonCommand, 0);
    },
  );

  it('keeps addons undefined when only DescribeAddon is denied', async () => {
    eks
      .on(DescribeAddonCommand, { addonName: 'coredns' })
      .rejects(awsError('AccessDeniedException', 403));

    const clusters = await read();

    expect(clusters[0].addons).toBeUndefined();
  });

  it('fails on a throttled ListAddons: a transient error is not "unknown"', async () => {
    eks
      .on(ListAddonsCommand, { clusterName: 'analytics' })
      .rejects(awsError('ThrottlingException', 429));

    await expect(read()).rejects.toThrow('ThrottlingException from the mock');
  });

  it('fails the whole read when DescribeCluster fails, and starts no new calls after it', async () => {
    eks
      .on(DescribeClusterCommand, { name: 'acme-production-v1' })
      .rejects(awsError('ServerException', 500));

    await expect(
      readClusters(new EKSClient({}), new SSMClient({}), { concurrency: 1 }),
    ).rejects.toThrow('ServerException from the mock');
    expect(eks).toHaveReceivedCommandTimes(DescribeClusterCommand, 1);
    expect(eks).toHaveReceivedCommandTimes(DescribeNodegroupCommand, 0);
  });

  it('fails the whole read when DescribeNodegroup fails', async () => {
    eks
      .on(DescribeNodegroupCommand, { nodegroupName: 'ng-a' })
      .rejects(awsError('AccessDeniedException', 403));

    await expect(read()).rejects.toThrow('AccessDeniedException');
  });

  it('leaves out a cluster deleted between ListClusters and DescribeCluster', async () => {
    eks
      .on(DescribeClusterCommand, { name: 'analytics' })
      .rejects(awsError('ResourceNotFoundException', 404));

    const clusters = await read();

    expect(clusters.map(c => c.name)).toEqual([
      'acme-production-v1',
      'acme-staging-v2',
    ]);
  });

  it('reads clusters with an unknown Flightdeck marker when SSM is denied', async () => {
    ssm
      .on(GetParametersByPathCommand)
      .rejects(awsError('AccessDeniedException', 400));

    const clusters = await read();

    expect(clusters).toHaveLength(3);
    for (const cluster of clusters) {
      expect(cluster.flightdeck).toBeUndefined();
    }
  });

  it('fails when SSM fails for another reason, such as throttling on a later page', async () => {
    ssm
      .on(GetParametersByPathCommand, { NextToken: 's2' })
      .rejects(awsError('ThrottlingException', 400));

    await expect(read()).rejects.toThrow('ThrottlingException');
  });
});

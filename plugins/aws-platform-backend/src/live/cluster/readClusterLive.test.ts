import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListAddonsCommand,
  ListInsightsCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import {
  corednsAddon,
  describedCluster,
  generalNodegroup,
  insights,
  vpcCniAddon,
} from '../__fixtures__/awsResponses';
import { readClusterLive } from './readClusterLive';

// moto serves DescribeCluster and the node group calls (see
// readLiveStatus.emulator.test.ts) but neither ListAddons/DescribeAddon nor
// ListInsights, so add-ons, insights and their paging are tested here with
// aws-sdk-client-mock, which replaces `send` (the SDK's retries do not run).
const eks = mockClient(EKSClient);

function awsError(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error(`${name} from the mock`), {
    name,
    $metadata: { httpStatusCode },
  });
}

const CLUSTER = 'acme-production-v1';
const read = () => readClusterLive(new EKSClient({}), CLUSTER);

describe('readClusterLive', () => {
  beforeEach(() => {
    eks.reset();
    eks.on(DescribeClusterCommand).resolves({ cluster: describedCluster });
    eks
      .on(ListNodegroupsCommand, { clusterName: CLUSTER })
      .resolves({ nodegroups: [generalNodegroup.nodegroupName!] });
    eks
      .on(DescribeNodegroupCommand, {
        nodegroupName: generalNodegroup.nodegroupName,
      })
      .resolves({ nodegroup: generalNodegroup });
    // Two pages of add-ons.
    eks
      .on(ListAddonsCommand, { clusterName: CLUSTER, nextToken: undefined })
      .resolves({ addons: ['vpc-cni'], nextToken: 'page-2' })
      .on(ListAddonsCommand, { clusterName: CLUSTER, nextToken: 'page-2' })
      .resolves({ addons: ['coredns'] });
    eks
      .on(DescribeAddonCommand, { addonName: 'vpc-cni' })
      .resolves({ addon: vpcCniAddon })
      .on(DescribeAddonCommand, { addonName: 'coredns' })
      .resolves({ addon: corednsAddon });
    // Two pages of insights.
    eks
      .on(ListInsightsCommand, { clusterName: CLUSTER, nextToken: undefined })
      .resolves({ insights: [insights[0]], nextToken: 'next' })
      .on(ListInsightsCommand, { clusterName: CLUSTER, nextToken: 'next' })
      .resolves({ insights: [insights[1]] });
  });

  it('reads the cluster, node groups, and every page of add-ons and insights', async () => {
    const result = await read();
    expect(result).toEqual({
      cluster: describedCluster,
      nodegroups: [generalNodegroup],
      addons: { value: [vpcCniAddon, corednsAddon] },
      insights: { value: insights },
    });
    expect(eks).toHaveReceivedCommandTimes(ListAddonsCommand, 2);
    expect(eks).toHaveReceivedCommandTimes(ListInsightsCommand, 2);
    expect(eks).toHaveReceivedCommandWith(ListInsightsCommand, {
      clusterName: CLUSTER,
      maxResults: 100,
    });
  });

  it('leaves out a node group deleted between List and Describe', async () => {
    eks
      .on(ListNodegroupsCommand)
      .resolves({ nodegroups: ['gone', generalNodegroup.nodegroupName!] })
      .on(DescribeNodegroupCommand, { nodegroupName: 'gone' })
      .rejects(awsError('ResourceNotFoundException', 404));
    const result = await read();
    expect(result.nodegroups).toEqual([generalNodegroup]);
  });

  it('reports add-ons and insights the role may not read, or that are not served, as gaps', async () => {
    eks
      .on(ListAddonsCommand)
      .rejects(awsError('AccessDeniedException', 403))
      .on(ListInsightsCommand)
      .rejects(
        Object.assign(new SyntaxError("Unexpected token '<'"), {
          $metadata: { httpStatusCode: 404 },
        }),
      );
    const result = await read();
    expect(result.addons).toEqual({ gap: 'denied' });
    expect(result.insights).toEqual({ gap: 'unavailable' });
    expect(result.nodegroups).toEqual([generalNodegroup]);
  });

  it('fails when the cluster or its node groups cannot be read', async () => {
    eks
      .on(DescribeClusterCommand)
      .rejects(awsError('ResourceNotFoundException', 404));
    await expect(read()).rejects.toThrow('ResourceNotFoundException');

    eks.on(DescribeClusterCommand).resolves({ cluster: describedCluster });
    eks.on(ListNodegroupsCommand).rejects(awsError('ThrottlingException', 429));
    await expect(read()).rejects.toThrow('ThrottlingException');
  });

  it('fails on a throttled add-on read rather than calling it a gap', async () => {
    eks.on(DescribeAddonCommand).rejects(awsError('ThrottlingException', 429));
    await expect(read()).rejects.toThrow('ThrottlingException');
  });
});

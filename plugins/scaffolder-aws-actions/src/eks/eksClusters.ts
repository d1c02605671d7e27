import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks';

/** What the workload action reads of an EKS cluster. */
export interface ClusterIdentity {
  name: string;
  arn: string;
  status?: string;
  /** The OIDC issuer URL, e.g. `https://oidc.eks.us-east-1.amazonaws.com/id/ABC`. */
  oidcIssuer?: string;
}

/** The cluster `name`, or undefined when it does not exist. */
export async function describeCluster(
  client: EKSClient,
  name: string,
): Promise<ClusterIdentity | undefined> {
  try {
    const { cluster } = await client.send(new DescribeClusterCommand({ name }));
    if (!cluster?.arn)
      throw new Error(`DescribeCluster ${name} returned no cluster`);
    return {
      name,
      arn: cluster.arn,
      status: cluster.status,
      oidcIssuer: cluster.identity?.oidc?.issuer,
    };
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') {
      return undefined;
    }
    throw error;
  }
}

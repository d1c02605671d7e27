import {
  CreateClusterCommand,
  CreateNodegroupCommand,
} from '@aws-sdk/client-eks';
import type { EKSClient } from '@aws-sdk/client-eks';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { OWNER_TAG, toTagList } from './conventions.ts';

/** A Flightdeck-style EKS cluster as the seeders record it. */
export type SeededCluster = {
  name: string;
  accountId: string;
  region: string;
  arn: string;
  version: string;
  tags: Record<string, string>;
  /** The issuer host and path, without `https://` (as Flightdeck stores it). */
  oidcIssuer: string;
  nodegroup: string;
  nodeRoleArn: string;
  /** SSM parameter names written for this cluster. */
  ssmParameters: { oidcIssuer: string; nodeRoleArn: string };
};

/** What to create with {@link createFlightdeckCluster}. */
export type FlightdeckClusterRequest = {
  /** `<org>-<stage>-v<N>`. */
  name: string;
  version: string;
  accountId: string;
  region: string;
  owner: string;
  /** Flightdeck root module path, e.g. `cluster/production-v1`. */
  module: string;
};

/**
 * Creates what Flightdeck's `aws/cluster` module leaves behind that a portal
 * can see: the cluster (tag `Module=cluster/<stage>-v<N>`), one `general`
 * node group in zone `a`, and the two SecureString SSM parameters
 * `/flightdeck/<cluster>/oidc_issuer` and `/flightdeck/<cluster>/node_role_arn`.
 */
export async function createFlightdeckCluster(
  eks: EKSClient,
  ssm: SSMClient,
  request: FlightdeckClusterRequest,
): Promise<SeededCluster> {
  const { name, version, accountId, region, owner, module } = request;
  const iam = `arn:aws:iam::${accountId}:role`;
  const nodeRoleArn = `${iam}/${name}-nodes`;
  // moto does not check that subnets exist; fake but well-formed ids.
  const subnetIds = [1, 2, 3].map(i => `subnet-0${accountId}000${i}`);
  const tags = { Module: module, [OWNER_TAG]: owner };

  const created = await eks.send(
    new CreateClusterCommand({
      name,
      version,
      roleArn: `${iam}/${name}-control-plane`,
      resourcesVpcConfig: { subnetIds },
      tags,
    }),
  );
  const cluster = created.cluster;
  if (!cluster?.arn) throw new Error(`CreateCluster ${name} returned no arn`);
  const oidcIssuer = (cluster.identity?.oidc?.issuer ?? '').replace(
    /^https:\/\//,
    '',
  );

  const az = `${region}a`;
  const nodegroup = `${name}-general-${az}`;
  await eks.send(
    new CreateNodegroupCommand({
      clusterName: name,
      nodegroupName: nodegroup,
      nodeRole: nodeRoleArn,
      subnets: [subnetIds[0]],
      // moto defaults node groups to 1.19 instead of the cluster's version.
      version,
      labels: { role: 'general' },
      scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
      tags: { AvailabilityZone: az, [OWNER_TAG]: owner },
    }),
  );

  const ssmParameters = {
    oidcIssuer: `/flightdeck/${name}/oidc_issuer`,
    nodeRoleArn: `/flightdeck/${name}/node_role_arn`,
  };
  for (const [parameter, value] of [
    [ssmParameters.oidcIssuer, oidcIssuer],
    [ssmParameters.nodeRoleArn, nodeRoleArn],
  ]) {
    await ssm.send(
      new PutParameterCommand({
        Name: parameter,
        Value: value,
        Type: 'SecureString',
        Tags: toTagList({ [OWNER_TAG]: owner }),
      }),
    );
  }

  return {
    name,
    accountId,
    region,
    arn: cluster.arn,
    version: cluster.version ?? version,
    tags,
    oidcIssuer,
    nodegroup,
    nodeRoleArn,
    ssmParameters,
  };
}

import type { CloudTrailChangeEvent } from './cloudTrailEvent';

/** EKS's own rule for cluster names. */
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

/** `arn:<partition>:eks:<region>:<account>:<type>/<cluster>[/…]`. */
const EKS_ARN = /^arn:[\w-]+:eks:[\w-]+:\d{12}:[a-z]+\/([^/]+)/;

/**
 * The cluster an EKS call changed, as its request names it: `name` for the
 * cluster's own calls, `clusterName` for node groups and add-ons, the ARN's
 * cluster for tags (of a cluster, node group or add-on). Undefined when the
 * request names none that could be a cluster: the caller then reads the
 * whole account and region.
 */
export function clusterNamed(event: CloudTrailChangeEvent): string | undefined {
  const parameters = event.requestParameters;
  const candidate =
    typeof parameters.resourceArn === 'string'
      ? EKS_ARN.exec(parameters.resourceArn)?.[1]
      : parameters.clusterName ?? parameters.name;
  return typeof candidate === 'string' && CLUSTER_NAME.test(candidate)
    ? candidate
    : undefined;
}

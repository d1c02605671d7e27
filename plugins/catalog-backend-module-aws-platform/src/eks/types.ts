/**
 * What the suite reads about EKS clusters in one account and region, before
 * any mapping. Plain data so that the mapper can be tested on fixtures.
 */

/** A managed node group of a cluster. */
export type NodegroupRecord = {
  name: string;
  status: string;
  /** Kubernetes minor version of the nodes; may lag the control plane. */
  version?: string;
  instanceTypes: string[];
  desiredSize?: number;
  minSize?: number;
  maxSize?: number;
};

/** An EKS add-on installed on a cluster. */
export type AddonRecord = {
  name: string;
  version?: string;
  status?: string;
};

/**
 * Whether a cluster carries Flightdeck's SSM parameters
 * (`/flightdeck/<cluster>/oidc_issuer` or `/flightdeck/<cluster>/node_role_arn`).
 */
export type FlightdeckMarker = {
  detected: boolean;
  /** Every parameter name under `/flightdeck/<cluster>/`. */
  parameters: string[];
};

/** One EKS cluster. */
export type ClusterRecord = {
  name: string;
  arn: string;
  /** Kubernetes minor version of the control plane, e.g. `1.33`. */
  version: string;
  /** e.g. `eks.12`. */
  platformVersion: string;
  /** ACTIVE, CREATING, UPDATING, DELETING, FAILED or PENDING. */
  status: string;
  /** The API server URL; absent while the cluster is being created. */
  endpoint?: string;
  /** Base64 PEM of the cluster CA, as DescribeCluster returns it. */
  certificateAuthority?: string;
  oidcIssuer?: string;
  /** ISO 8601. */
  createdAt?: string;
  tags: Record<string, string>;
  nodegroups: NodegroupRecord[];
  /** Undefined when the add-on API could not be read (denied or unavailable). */
  addons?: AddonRecord[];
  /**
   * Undefined when SSM could not be read (access denied), so that "not
   * Flightdeck" is never claimed without having looked.
   */
  flightdeck?: FlightdeckMarker;
};

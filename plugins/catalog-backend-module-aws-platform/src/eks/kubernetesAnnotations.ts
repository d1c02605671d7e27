import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
} from '@backstage/catalog-model';

// The AWS keys below are exported by @backstage/plugin-kubernetes-common
// (ANNOTATION_KUBERNETES_AWS_CLUSTER_ID, …_AWS_ASSUME_ROLE, …_AWS_EXTERNAL_ID),
// which this package does not depend on. The Kubernetes backend's catalog
// cluster locator passes every `kubernetes.io/*` annotation to its AwsIamStrategy.

/** The EKS cluster name the AWS token is signed for (else the entity name is used). */
export const ANNOTATION_KUBERNETES_AWS_CLUSTER_ID =
  'kubernetes.io/x-k8s-aws-id';
/** A role the Kubernetes backend assumes before signing the token. */
export const ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE =
  'kubernetes.io/aws-assume-role';
/** The external id for that AssumeRole. */
export const ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID =
  'kubernetes.io/aws-external-id';

/**
 * The annotations that let the Kubernetes plugin's `catalog` cluster locator
 * reach an EKS cluster with the `aws` auth provider. The locator only picks
 * up entities with the API server, its CA and an auth provider, so nothing is
 * emitted for a cluster without an endpoint yet.
 */
export function eksKubernetesAnnotations(options: {
  clusterName: string;
  endpoint?: string;
  certificateAuthority?: string;
  assumeRoleArn?: string;
  externalId?: string;
}): Record<string, string> {
  if (!options.endpoint || !options.certificateAuthority) return {};
  return {
    [ANNOTATION_KUBERNETES_API_SERVER]: options.endpoint,
    [ANNOTATION_KUBERNETES_API_SERVER_CA]: options.certificateAuthority,
    [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'aws',
    [ANNOTATION_KUBERNETES_AWS_CLUSTER_ID]: options.clusterName,
    ...(options.assumeRoleArn && {
      [ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE]: options.assumeRoleArn,
    }),
    ...(options.assumeRoleArn &&
      options.externalId && {
        [ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID]: options.externalId,
      }),
  };
}

import { Entity } from '@backstage/catalog-model';

// Cluster entities as the suite's provider writes them, and a rogue copy as
// anyone who may register a catalog file could write it: the suite's
// annotations (it cannot set managed-by-location: the catalog does), with
// an API server URL of the attacker's choosing.

export const SUITE_LOCATION = 'aws-platform:organization/o-abc123';
export const ROGUE_LOCATION =
  'url:https://github.com/attacker/catalog/blob/main/cluster.yaml';

export function clusterEntity(options: {
  name: string;
  url: string;
  location: string;
  namespace?: string;
  extraAnnotations?: Record<string, string>;
  withoutAnnotations?: string[];
}): Entity {
  const annotations: Record<string, string> = {
    'backstage.io/managed-by-location': options.location,
    'backstage.io/managed-by-origin-location': options.location,
    'aws-platform-suite.github.io/account-id': '715451680876',
    'aws-platform-suite.github.io/arn':
      'arn:aws:eks:us-east-1:715451680876:cluster/acme-production-v1',
    'kubernetes.io/api-server': options.url,
    'kubernetes.io/api-server-certificate-authority': 'Q0EtREFUQQ==',
    'kubernetes.io/auth-provider': 'aws',
    'kubernetes.io/x-k8s-aws-id': 'acme-production-v1',
    'kubernetes.io/aws-assume-role':
      'arn:aws:iam::715451680876:role/backstage-kubernetes-read',
    ...options.extraAnnotations,
  };
  for (const key of options.withoutAnnotations ?? []) delete annotations[key];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: options.name,
      namespace: options.namespace ?? 'default',
      annotations,
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
  };
}

/**
 * `spec.type` values of the `Resource` entities the suite emits.
 * @public
 */
export const AWS_ENTITY_TYPES = {
  account: 'aws-account',
  organizationalUnit: 'aws-organizational-unit',
  dnsZone: 'dns-zone',
  kubernetesCluster: 'kubernetes-cluster',
  backupVault: 'aws-backup-vault',
  backupPlan: 'aws-backup-plan',
} as const;

/**
 * One of the {@link AWS_ENTITY_TYPES} values.
 * @public
 */
export type AwsEntityType =
  (typeof AWS_ENTITY_TYPES)[keyof typeof AWS_ENTITY_TYPES];

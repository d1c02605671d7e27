import { Entity } from '@backstage/catalog-model';
// A test fixture: the names are the catalog module's own, so the live routes
// are tested against entities named exactly as the ingestion names them.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { planEntityName } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/backup/entityNames';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { zoneEntityName } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/dns/dnsEntities';

/*
 * Catalog entities as the suite's ingestion emits them for the reference
 * estate (packages/local-aws): only the annotations and spec the live
 * endpoints read.
 */

export const NETWORK = '454948083136';
export const PRODUCTION = '715451680876';
export const SANDBOX = '171870262174';
export const BACKUP = '499091334123';
const LOCATION = 'aws-platform:organization/o-hbrpoig8f1';

function resource(
  name: string,
  type: string,
  annotations: Record<string, string>,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
        ...annotations,
      },
    },
    spec: { type, owner: 'group:default/platform-team', ...spec },
  };
}

export const productionCluster = resource(
  `acme-production-v1-${PRODUCTION}-us-east-1`,
  'kubernetes-cluster',
  {
    'amazonaws.com/account-id': PRODUCTION,
    'amazonaws.com/arn': `arn:aws:eks:us-east-1:${PRODUCTION}:cluster/acme-production-v1`,
    'aws-platform-suite.github.io/region': 'us-east-1',
  },
  { cluster: { name: 'acme-production-v1', region: 'us-east-1' } },
);

const ROOT_ZONE_NAME = zoneEntityName({
  id: 'JVFJWTZIFT9YVI7F16XBXT',
  name: 'example.com',
});

export const rootZone = resource(
  ROOT_ZONE_NAME,
  'dns-zone',
  {
    'amazonaws.com/account-id': NETWORK,
    'amazonaws.com/arn': 'arn:aws:route53:::hostedzone/JVFJWTZIFT9YVI7F16XBXT',
  },
  {
    zone: {
      id: 'JVFJWTZIFT9YVI7F16XBXT',
      name: 'example.com',
      private: false,
      nameServers: [],
      delegation: { status: 'no-parent', missing: [], extra: [] },
    },
  },
);

function childZone(
  stage: 'production' | 'sandbox',
  account: string,
  id: string,
) {
  return resource(
    zoneEntityName({ id, name: `${stage}.example.com` }),
    'dns-zone',
    {
      'amazonaws.com/account-id': account,
      'amazonaws.com/arn': `arn:aws:route53:::hostedzone/${id}`,
    },
    {
      zone: {
        id,
        name: `${stage}.example.com`,
        private: false,
        nameServers: [],
        delegation: {
          status: 'in-sync',
          parentZone: `resource:default/${ROOT_ZONE_NAME}`,
          parentZoneName: 'example.com',
          missing: [],
          extra: [],
        },
      },
    },
  );
}

export const productionZone = childZone(
  'production',
  PRODUCTION,
  '1FO2WB0DZ6XPYFXOBUGVJI',
);
export const sandboxZone = childZone(
  'sandbox',
  SANDBOX,
  'LIE3CSMCMCUT6Z84QCMSWD',
);

export const productionVault = resource(
  `user-backup-vault-${PRODUCTION}-us-east-1`,
  'aws-backup-vault',
  {
    'amazonaws.com/account-id': PRODUCTION,
    'amazonaws.com/arn': `arn:aws:backup:us-east-1:${PRODUCTION}:backup-vault:user-backup-vault`,
  },
  { vault: { name: 'user-backup-vault', region: 'us-east-1' } },
);

export const PLAN_ID = '980f963f-e889-40d6-b7cf-e3f491af5982';

export const productionPlan = resource(
  planEntityName(PLAN_ID, PRODUCTION, 'us-east-1'),
  'aws-backup-plan',
  {
    'amazonaws.com/account-id': PRODUCTION,
    'amazonaws.com/arn': `arn:aws:backup:us-east-1:${PRODUCTION}:backup-plan:${PLAN_ID}`,
  },
  {
    plan: {
      id: PLAN_ID,
      name: 'production-backup-plan',
      region: 'us-east-1',
      rules: [
        {
          name: 'production-backup-rule',
          targetVaultName: 'user-backup-vault',
          copyActions: [
            {
              destinationVaultArn: `arn:aws:backup:us-east-1:${BACKUP}:backup-vault:user-backup-vault`,
            },
          ],
        },
      ],
      copiesToAccounts: [BACKUP],
    },
  },
);

/** A cluster entity someone registered from a catalog file, not ingested. */
export const registeredCluster: Entity = {
  ...productionCluster,
  metadata: {
    ...productionCluster.metadata,
    name: 'hand-written',
    annotations: {
      ...productionCluster.metadata.annotations,
      'backstage.io/managed-by-location':
        'url:https://example.com/catalog-info.yaml',
      'backstage.io/managed-by-origin-location':
        'url:https://example.com/catalog-info.yaml',
    },
  },
};

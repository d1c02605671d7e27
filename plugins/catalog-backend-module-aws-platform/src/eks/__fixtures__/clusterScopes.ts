import type { MappingContext } from '../../resources/mappingContext';
import {
  PRODUCTION,
  SANDBOX,
  referenceMappingContext,
} from '../../__fixtures__/referenceEstateContext';

export { PRODUCTION, SANDBOX };
import type { ClusterScope } from '../clusterEntities';

/** An account that left the organization but still has a cluster. */
export const STRANGER = '999999999999';

export const mappingContext: MappingContext = referenceMappingContext;

const CA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';

function flightdeck(cluster: string) {
  return {
    detected: true,
    parameters: [
      `/flightdeck/${cluster}/node_role_arn`,
      `/flightdeck/${cluster}/oidc_issuer`,
    ],
  };
}

/**
 * Two Flightdeck clusters as the guide's estate has them (production on 1.33,
 * sandbox on 1.28, past support) and a hand-made cluster without Flightdeck
 * or owner tag in a second region.
 */
export const clusterScopes: ClusterScope[] = [
  {
    accountId: PRODUCTION,
    region: 'us-east-1',
    clusters: [
      {
        name: 'acme-production-v1',
        arn: `arn:aws:eks:us-east-1:${PRODUCTION}:cluster/acme-production-v1`,
        version: '1.33',
        platformVersion: 'eks.12',
        status: 'ACTIVE',
        endpoint:
          'https://0F1E2D3C4B5A69788796A5B4C3D2E1F0.gr7.us-east-1.eks.amazonaws.com',
        certificateAuthority: CA,
        oidcIssuer:
          'https://oidc.eks.us-east-1.amazonaws.com/id/0F1E2D3C4B5A69788796A5B4C3D2E1F0',
        createdAt: '2025-06-02T09:30:00.000Z',
        tags: { Module: 'cluster/production-v1', owner: 'platform-team' },
        nodegroups: [
          {
            name: 'acme-production-v1-general-us-east-1a',
            status: 'ACTIVE',
            version: '1.33',
            instanceTypes: ['m6i.large'],
            desiredSize: 2,
            minSize: 1,
            maxSize: 3,
          },
        ],
        addons: [
          { name: 'coredns', version: 'v1.12.1-eksbuild.2', status: 'ACTIVE' },
          { name: 'vpc-cni', version: 'v1.19.5-eksbuild.1', status: 'ACTIVE' },
        ],
        flightdeck: flightdeck('acme-production-v1'),
      },
    ],
  },
  {
    accountId: PRODUCTION,
    region: 'eu-west-1',
    clusters: [
      {
        name: 'analytics',
        arn: `arn:aws:eks:eu-west-1:${PRODUCTION}:cluster/analytics`,
        version: '1.34',
        platformVersion: 'eks.4',
        status: 'ACTIVE',
        endpoint:
          'https://A1B2C3D4E5F60718293A4B5C6D7E8F90.yl4.eu-west-1.eks.amazonaws.com',
        certificateAuthority: CA,
        tags: {},
        nodegroups: [],
        flightdeck: { detected: false, parameters: [] },
      },
    ],
  },
  {
    accountId: SANDBOX,
    region: 'us-east-1',
    clusters: [
      {
        name: 'acme-sandbox-v1',
        arn: `arn:aws:eks:us-east-1:${SANDBOX}:cluster/acme-sandbox-v1`,
        version: '1.28',
        platformVersion: 'eks.20',
        status: 'ACTIVE',
        endpoint:
          'https://99887766554433221100FFEEDDCCBBAA.sk1.us-east-1.eks.amazonaws.com',
        certificateAuthority: CA,
        tags: { Module: 'cluster/sandbox-v1', owner: 'platform-team' },
        nodegroups: [
          {
            name: 'acme-sandbox-v1-general-us-east-1a',
            status: 'ACTIVE',
            version: '1.28',
            instanceTypes: ['t3.large'],
            desiredSize: 1,
            minSize: 1,
            maxSize: 2,
          },
        ],
        // The add-on API was denied in this account.
        flightdeck: flightdeck('acme-sandbox-v1'),
      },
    ],
  },
  {
    accountId: STRANGER,
    region: 'us-east-1',
    clusters: [
      {
        name: 'orphan',
        arn: `arn:aws:eks:us-east-1:${STRANGER}:cluster/orphan`,
        version: '1.32',
        platformVersion: 'eks.9',
        status: 'ACTIVE',
        tags: {},
        nodegroups: [],
      },
    ],
  },
];

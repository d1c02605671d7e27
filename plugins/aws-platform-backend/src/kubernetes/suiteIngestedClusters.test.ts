import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import {
  clusterEntity,
  ROGUE_LOCATION,
  SUITE_LOCATION,
} from './__fixtures__/clusterEntities';
import { selectSuiteIngestedClusters } from './suiteIngestedClusters';

const EKS_URL = 'https://ABCDEF.gr7.us-east-1.eks.amazonaws.com';
const NAME = 'acme-production-v1-715451680876-us-east-1';

const suiteEntity = clusterEntity({
  name: NAME,
  url: EKS_URL,
  location: SUITE_LOCATION,
});

// What the Kubernetes plugin's catalog locator makes of an entity.
function located(entity = suiteEntity): ClusterDetails {
  const annotations = entity.metadata.annotations!;
  return {
    name: entity.metadata.name,
    url: annotations['kubernetes.io/api-server'],
    caData: annotations['kubernetes.io/api-server-certificate-authority'],
    authMetadata: Object.fromEntries(
      Object.entries(annotations).filter(([k]) =>
        k.startsWith('kubernetes.io/'),
      ),
    ),
  };
}

describe('selectSuiteIngestedClusters', () => {
  it('serves a cluster exactly as the suite ingested it', () => {
    expect(selectSuiteIngestedClusters([located()], [suiteEntity])).toEqual({
      served: [located()],
      refused: [],
    });
  });

  it('refuses a cluster whose entity was registered from a location', () => {
    const rogue = clusterEntity({
      name: 'rogue',
      url: 'https://attacker.example.net',
      location: ROGUE_LOCATION,
    });
    expect(
      selectSuiteIngestedClusters([located(rogue)], [suiteEntity, rogue]),
    ).toEqual({ served: [], refused: [located(rogue)] });
  });

  it('refuses a same-named cluster in another namespace with another URL', () => {
    // The locator names clusters by metadata.name alone.
    const twin = clusterEntity({
      name: NAME,
      namespace: 'attacker',
      url: 'https://attacker.example.net',
      location: ROGUE_LOCATION,
    });
    const { served, refused } = selectSuiteIngestedClusters(
      [located(), located(twin)],
      [suiteEntity, twin],
    );
    expect(served).toEqual([located()]);
    expect(refused).toEqual([located(twin)]);
  });

  it('refuses a same-named cluster that differs in CA', () => {
    const cluster = { ...located(), caData: 'QVRUQUNLRVI=' };
    expect(
      selectSuiteIngestedClusters([cluster], [suiteEntity]).refused,
    ).toEqual([cluster]);
  });

  it('refuses a same-named cluster with an auth annotation added', () => {
    const cluster = located();
    cluster.authMetadata = {
      ...cluster.authMetadata,
      'kubernetes.io/aws-external-id': 'x',
    };
    expect(
      selectSuiteIngestedClusters([cluster], [suiteEntity]).refused,
    ).toEqual([cluster]);
  });

  it('refuses a same-named cluster without the assume-role annotation', () => {
    const cluster = located();
    const { ['kubernetes.io/aws-assume-role']: _dropped, ...rest } =
      cluster.authMetadata;
    cluster.authMetadata = rest;
    expect(
      selectSuiteIngestedClusters([cluster], [suiteEntity]).refused,
    ).toEqual([cluster]);
  });

  it('refuses a cluster no catalog entity describes (another locator)', () => {
    const fromConfig: ClusterDetails = {
      name: 'from-config',
      url: EKS_URL,
      authMetadata: {},
    };
    expect(
      selectSuiteIngestedClusters([fromConfig], [suiteEntity]).refused,
    ).toEqual([fromConfig]);
  });

  it('refuses a cluster whose entity has no location annotation', () => {
    const bare = clusterEntity({
      name: NAME,
      url: EKS_URL,
      location: SUITE_LOCATION,
      withoutAnnotations: ['backstage.io/managed-by-location'],
    });
    expect(selectSuiteIngestedClusters([located()], [bare]).served).toEqual([]);
  });
});

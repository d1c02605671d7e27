import {
  Entity,
  FieldFormatEntityPolicy,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  clusterScopes,
  mappingContext,
  PRODUCTION,
  SANDBOX,
  STRANGER,
} from './__fixtures__/clusterScopes';
import { clustersToEntities } from './clusterEntities';

const today = new Date('2026-11-25T12:00:00Z');
const policy = new FieldFormatEntityPolicy();

// The part of spec.cluster these tests look into.
type ClusterSpec = {
  status: string;
  versionSupport: unknown;
  flightdeck?: { stage?: string };
  nodegroups: unknown[];
  addons?: Array<{ name: string }>;
};

function clusterSpec(entity: Entity): ClusterSpec {
  return entity.spec?.cluster as ClusterSpec;
}

function byTitle(entities: Entity[], title: string): Entity {
  const entity = entities.find(e => e.metadata.title === title);
  if (!entity) throw new Error(`no entity titled ${title}`);
  return entity;
}

describe('clustersToEntities', () => {
  const warnings: string[] = [];
  const entities = clustersToEntities(clusterScopes, mappingContext, {
    today,
    assumeRoleName: 'backstage-kubernetes-read',
    warn: message => warnings.push(message),
  });

  it('emits one valid kubernetes-cluster Resource per cluster of a known account', async () => {
    expect(entities.map(e => e.metadata.name)).toEqual([
      `acme-production-v1-${PRODUCTION}-us-east-1`,
      `analytics-${PRODUCTION}-eu-west-1`,
      `acme-sandbox-v1-${SANDBOX}-us-east-1`,
    ]);
    for (const entity of entities) {
      await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
      expect(entity.spec?.type).toBe('kubernetes-cluster');
    }
  });

  it('skips and warns about clusters of accounts outside the organization', () => {
    expect(entities.some(e => e.metadata.title === 'orphan')).toBe(false);
    expect(warnings).toEqual([expect.stringContaining(STRANGER)]);
  });

  it('carries what the Kubernetes catalog cluster locator needs for the aws auth provider', () => {
    const production = byTitle(entities, 'acme-production-v1');
    expect(production.metadata.annotations).toMatchObject({
      'kubernetes.io/api-server':
        'https://0F1E2D3C4B5A69788796A5B4C3D2E1F0.gr7.us-east-1.eks.amazonaws.com',
      'kubernetes.io/api-server-certificate-authority':
        expect.stringMatching(/^LS0tLS1CRUdJTi/),
      'kubernetes.io/auth-provider': 'aws',
      // The entity name carries account and region; the token needs the EKS name.
      'kubernetes.io/x-k8s-aws-id': 'acme-production-v1',
      'kubernetes.io/aws-assume-role': `arn:aws:iam::${PRODUCTION}:role/backstage-kubernetes-read`,
    });
    expect(production.metadata.annotations).not.toHaveProperty(
      'kubernetes.io/aws-external-id',
    );
  });

  it('adds the external id only when one is configured, and no role when none is', () => {
    const [withExternalId] = clustersToEntities(
      clusterScopes.slice(0, 1),
      mappingContext,
      { today, assumeRoleName: 'reader', externalId: 'portal-1234' },
    );
    expect(
      withExternalId.metadata.annotations?.['kubernetes.io/aws-external-id'],
    ).toBe('portal-1234');

    const [withoutRole] = clustersToEntities(
      clusterScopes.slice(0, 1),
      mappingContext,
      { today },
    );
    expect(withoutRole.metadata.annotations).not.toHaveProperty(
      'kubernetes.io/aws-assume-role',
    );
    expect(
      withoutRole.metadata.annotations?.['kubernetes.io/auth-provider'],
    ).toBe('aws');
  });

  it('leaves a cluster without endpoint out of the locator instead of half-annotating it', () => {
    const creating = {
      ...clusterScopes[0],
      clusters: [
        {
          ...clusterScopes[0].clusters[0],
          status: 'CREATING',
          endpoint: undefined,
          certificateAuthority: undefined,
        },
      ],
    };
    const [entity] = clustersToEntities([creating], mappingContext, { today });
    const keys = Object.keys(entity.metadata.annotations ?? {});
    expect(keys.filter(key => key.startsWith('kubernetes.io/'))).toEqual([]);
    expect(clusterSpec(entity).status).toBe('CREATING');
  });

  it('takes the owner from the owner tag, else from the account, and is part of the account', () => {
    const production = byTitle(entities, 'acme-production-v1');
    expect(production.spec?.owner).toBe('group:default/platform-team');
    expect(production.spec?.partOf).toBe(
      `resource:default/account-${PRODUCTION}`,
    );
    expect(production.metadata.annotations).toMatchObject({
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/ingestion-scope': `eks:${PRODUCTION}:us-east-1`,
      'aws-platform-suite.github.io/region': 'us-east-1',
      'amazonaws.com/account-id': PRODUCTION,
      'amazonaws.com/arn': `arn:aws:eks:us-east-1:${PRODUCTION}:cluster/acme-production-v1`,
      'backstage.io/managed-by-location': mappingContext.locationRef,
    });

    const analytics = byTitle(entities, 'analytics');
    expect(analytics.spec?.owner).toBe('group:default/app-developers');
    expect(
      analytics.metadata.annotations?.[
        'aws-platform-suite.github.io/owner-source'
      ],
    ).toBe('account');
    expect(
      analytics.metadata.annotations?.[
        'aws-platform-suite.github.io/ingestion-scope'
      ],
    ).toBe(`eks:${PRODUCTION}:eu-west-1`);
  });

  it('judges version support on the given day, with the dates for the UI', () => {
    const support = (title: string) => ({
      annotation: byTitle(entities, title).metadata.annotations?.[
        'aws-platform-suite.github.io/eks-version-support'
      ],
      spec: clusterSpec(byTitle(entities, title)).versionSupport,
    });
    expect(support('analytics')).toEqual({
      annotation: 'standard',
      spec: {
        status: 'standard',
        endOfStandardSupport: '2026-12-02',
        endOfExtendedSupport: '2027-12-02',
      },
    });
    // 1.33 left standard support on 2026-07-29.
    expect(support('acme-production-v1').annotation).toBe('extended');
    expect(support('acme-sandbox-v1')).toEqual({
      annotation: 'unsupported',
      spec: {
        status: 'unsupported',
        endOfStandardSupport: '2024-11-26',
        endOfExtendedSupport: '2025-11-26',
      },
    });
  });

  it('marks Flightdeck clusters and reads stage and generation from their names', () => {
    const production = byTitle(entities, 'acme-production-v1');
    expect(production.metadata.tags).toEqual(['aws', 'eks', 'flightdeck']);
    expect(
      production.metadata.annotations?.[
        'aws-platform-suite.github.io/flightdeck'
      ],
    ).toBe('true');
    expect(clusterSpec(production).flightdeck).toEqual({
      detected: true,
      stage: 'production',
      generation: 1,
    });
    expect(
      clusterSpec(byTitle(entities, 'acme-sandbox-v1')).flightdeck?.stage,
    ).toBe('sandbox');

    const analytics = byTitle(entities, 'analytics');
    expect(analytics.metadata.tags).toEqual(['aws', 'eks']);
    expect(
      analytics.metadata.annotations?.[
        'aws-platform-suite.github.io/flightdeck'
      ],
    ).toBe('false');
    expect(clusterSpec(analytics).flightdeck).toEqual({
      detected: false,
    });
  });

  it('says nothing about Flightdeck when SSM could not be read', () => {
    const unknown = {
      ...clusterScopes[0],
      clusters: [{ ...clusterScopes[0].clusters[0], flightdeck: undefined }],
    };
    const [entity] = clustersToEntities([unknown], mappingContext, { today });
    expect(entity.metadata.annotations).not.toHaveProperty(
      'aws-platform-suite.github.io/flightdeck',
    );
    expect(entity.metadata.tags).toEqual(['aws', 'eks']);
    expect(entity.spec?.cluster).not.toHaveProperty('flightdeck');
  });

  it('keeps node groups, add-ons when known, and a console link', () => {
    const production = byTitle(entities, 'acme-production-v1');
    const cluster = clusterSpec(production);
    expect(cluster).toMatchObject({
      name: 'acme-production-v1',
      region: 'us-east-1',
      version: '1.33',
      platformVersion: 'eks.12',
      status: 'ACTIVE',
    });
    expect(cluster.nodegroups).toEqual([
      expect.objectContaining({
        name: 'acme-production-v1-general-us-east-1a',
        instanceTypes: ['m6i.large'],
        desiredSize: 2,
      }),
    ]);
    expect(cluster.addons?.map((a: { name: string }) => a.name)).toEqual([
      'coredns',
      'vpc-cni',
    ]);
    expect(
      byTitle(entities, 'acme-sandbox-v1').spec?.cluster,
    ).not.toHaveProperty('addons');
    expect(production.metadata.links).toEqual([
      {
        url: 'https://us-east-1.console.aws.amazon.com/eks/home?region=us-east-1#/clusters/acme-production-v1',
        title: 'Cluster in the EKS console',
        icon: 'cloud',
      },
    ]);
  });

  it('keeps Flightdeck blue/green clusters with long names apart', async () => {
    const stem = 'acme-data-platform-production-workloads-cluster';
    const scope = {
      accountId: PRODUCTION,
      region: 'ap-southeast-2',
      clusters: [`${stem}-v12`, `${stem}-v13`].map(name => ({
        ...clusterScopes[1].clusters[0],
        name,
      })),
    };
    const result = clustersToEntities([scope], mappingContext, { today });
    const names = result.map(e => e.metadata.name);
    expect(new Set(names).size).toBe(2);
    for (const entity of result) {
      await expect(policy.enforce(entity)).resolves.toBe(entity);
      expect(entity.metadata.name.startsWith('acme-data-platform')).toBe(true);
      expect(
        entity.metadata.name.endsWith(`-${PRODUCTION}-ap-southeast-2`),
      ).toBe(true);
    }
    expect(result.map(e => e.metadata.title)).toEqual([
      `${stem}-v12`,
      `${stem}-v13`,
    ]);
  });

  it('keeps clusters whose names differ only in case or separators apart', async () => {
    const scope = {
      accountId: PRODUCTION,
      region: 'us-east-1',
      clusters: ['my-cluster', 'My_Cluster', 'my_cluster', 'MY-CLUSTER'].map(
        name => ({ ...clusterScopes[1].clusters[0], name }),
      ),
    };
    const result = clustersToEntities([scope], mappingContext, { today });
    const names = result.map(e => e.metadata.name);
    expect(names[0]).toBe(`my-cluster-${PRODUCTION}-us-east-1`);
    expect(new Set(names).size).toBe(4);
    for (const entity of result) {
      await expect(policy.enforce(entity)).resolves.toBe(entity);
    }
  });
});

import { Entity } from '@backstage/catalog-model';
import { applyTransformers } from './applyTransformers';

const zone: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'example-com-zparent',
    annotations: {
      'backstage.io/managed-by-location': 'aws-platform:organization/o-1',
      'backstage.io/managed-by-origin-location':
        'aws-platform:organization/o-1',
      'aws-platform-suite.github.io/ingestion-scope': 'route53:454948083136',
    },
  },
  spec: { type: 'dns-zone', owner: 'group:default/platform-team' },
};
const cluster: Entity = {
  ...zone,
  metadata: { ...zone.metadata, name: 'acme-production-v1' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
};

describe('applyTransformers', () => {
  it('lets a transformer change entities of its type only', async () => {
    const result = await applyTransformers(
      [zone, cluster],
      new Map([
        [
          'dns-zone',
          async (e: Entity) => ({ ...e, spec: { ...e.spec, system: 'dns' } }),
        ],
      ]),
    );
    expect(result[0].spec?.system).toBe('dns');
    expect(result[1]).toBe(cluster);
  });

  it('lets a transformer drop entities', async () => {
    const result = await applyTransformers(
      [zone, cluster],
      new Map([['kubernetes-cluster', () => undefined]]),
    );
    expect(result).toEqual([zone]);
  });

  it('puts back the annotations the ingestion relies on', async () => {
    const [result] = await applyTransformers(
      [zone],
      new Map([
        [
          'dns-zone',
          (e: Entity) => ({
            ...e,
            metadata: {
              name: e.metadata.name,
              annotations: { 'example.com/team': 'dns' },
            },
          }),
        ],
      ]),
    );
    expect(result.metadata.annotations).toEqual({
      'example.com/team': 'dns',
      ...zone.metadata.annotations,
    });
  });
});

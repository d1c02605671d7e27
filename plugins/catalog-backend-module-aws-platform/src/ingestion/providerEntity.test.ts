import { toProviderEntity } from './providerEntity';

describe('toProviderEntity', () => {
  it('drops what the catalog adds and keeps what the provider emitted', () => {
    const stored = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'example-com-zparent',
        namespace: 'default',
        uid: '8a7f',
        etag: 'abc',
        generation: 1,
        annotations: {
          'aws-platform-suite.github.io/ingestion-scope':
            'route53:454948083136',
        },
      },
      spec: { type: 'dns-zone', owner: 'group:default/platform-team' },
      relations: [
        { type: 'ownedBy', targetRef: 'group:default/platform-team' },
      ],
      status: { items: [] },
    };
    expect(toProviderEntity(stored)).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'example-com-zparent',
        namespace: 'default',
        annotations: {
          'aws-platform-suite.github.io/ingestion-scope':
            'route53:454948083136',
        },
      },
      spec: { type: 'dns-zone', owner: 'group:default/platform-team' },
    });
  });
});

import { awsPlatformApiRef, AwsPlatformClient } from '../api';
import {
  ownershipRouteRef,
  renderedFilesRouteRef,
  rootRouteRef,
} from '../routes';
import { awsPlatformLegacyPlugin } from './plugin';

describe('awsPlatformLegacyPlugin', () => {
  it('provides the backend client as api:aws-platform, from discovery and fetch', () => {
    const factories = [...awsPlatformLegacyPlugin.getApis()];
    const factory = factories.find(f => f.api.id === awsPlatformApiRef.id);
    expect(factory).toBeDefined();
    expect(Object.values(factory!.deps).map(ref => ref.id)).toEqual([
      'core.discovery',
      'core.fetch',
    ]);
    const client = factory!.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/x' },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(AwsPlatformClient);
  });

  it('mounts its pages on the new system’s own route refs', () => {
    // The same objects, so links resolve the same in both systems.
    expect(awsPlatformLegacyPlugin.routes.root).toBe(rootRouteRef);
    expect(awsPlatformLegacyPlugin.routes.ownership).toBe(ownershipRouteRef);
    expect(awsPlatformLegacyPlugin.routes.renderedFiles).toBe(
      renderedFilesRouteRef,
    );
  });
});

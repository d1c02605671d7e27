import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  FetchResponseWrapper,
  KubernetesCredential,
  KubernetesFetcher,
  kubernetesFetcherExtensionPoint,
  ObjectFetchParams,
} from '@backstage/plugin-kubernetes-node';

/*
 * The Kubernetes plugin's own fetcher loads @kubernetes/client-node (an ES
 * module) with a dynamic import, which jest cannot run without
 * --experimental-vm-modules. This one sends what that fetcher sends for a
 * service, a GET per object type with the credential the plugin's auth
 * strategy produced, over plain HTTP, so a test sees which clusters receive
 * a token. Everything before the fetcher (locators, cluster supplier, auth
 * strategies, fan-out) is the plugin's.
 */

class PlainHttpFetcher implements KubernetesFetcher {
  async fetchObjectsForService(
    params: ObjectFetchParams,
  ): Promise<FetchResponseWrapper> {
    for (const objectType of params.objectTypesToFetch) {
      const path = objectType.group
        ? `/apis/${objectType.group}/${objectType.apiVersion}/${objectType.plural}`
        : `/api/${objectType.apiVersion}/${objectType.plural}`;
      await fetch(`${params.clusterDetails.url}${path}`, {
        headers: authorizationHeader(params.credential),
      });
    }
    return { errors: [], responses: [] };
  }

  async fetchPodMetricsByNamespaces(): Promise<FetchResponseWrapper> {
    return { errors: [], responses: [] };
  }
}

function authorizationHeader(
  credential: KubernetesCredential,
): Record<string, string> {
  return credential.type === 'bearer token'
    ? { authorization: `Bearer ${credential.token}` }
    : {};
}

/** Installs {@link PlainHttpFetcher} in the Kubernetes plugin. */
export const plainHttpFetcherModule = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'test-plain-http-fetcher',
  register(reg) {
    reg.registerInit({
      deps: { fetcher: kubernetesFetcherExtensionPoint },
      async init({ fetcher }) {
        fetcher.addFetcher(new PlainHttpFetcher());
      },
    });
  },
});

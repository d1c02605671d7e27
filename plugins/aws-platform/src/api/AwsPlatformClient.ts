import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  IngestionStatusResponse,
  LiveBackupActivity,
  LiveClusterStatus,
  LiveZoneDelegation,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AwsPlatformApi } from './AwsPlatformApi';

/**
 * The default {@link AwsPlatformApi}: the backend found through the
 * discovery API, called with the signed-in user's token by the fetch API.
 * @public
 */
export class AwsPlatformClient implements AwsPlatformApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  getClusterLiveStatus(entityRef: string): Promise<LiveClusterStatus> {
    return this.#get('/live/clusters', { entityRef });
  }

  getZoneDelegation(entityRef: string): Promise<LiveZoneDelegation> {
    return this.#get('/live/zones', { entityRef });
  }

  getBackupActivity(entityRef: string): Promise<LiveBackupActivity> {
    return this.#get('/live/backups', { entityRef });
  }

  getIngestionStatus(): Promise<IngestionStatusResponse> {
    return this.#get('/ingestion/status');
  }

  async #get<T>(path: string, query?: Record<string, string>): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('aws-platform');
    const search = query ? `?${new URLSearchParams(query)}` : '';
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}${search}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

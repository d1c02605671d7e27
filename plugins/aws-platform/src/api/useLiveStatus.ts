import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { AwsPlatformApi, awsPlatformApiRef } from './AwsPlatformApi';

/**
 * Loads a live answer for an entity, again whenever the entity changes;
 * `retry` asks again (the backend may answer from its short cache).
 * @public
 */
export function useLiveStatus<T>(
  entityRef: string,
  load: (api: AwsPlatformApi, entityRef: string) => Promise<T>,
) {
  const api = useApi(awsPlatformApiRef);
  // `load` is one of the client's getters, fixed per card.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(() => load(api, entityRef), [api, entityRef]);
}

import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { awsPlatformApiRef } from './AwsPlatformApi';
import { AwsPlatformClient } from './AwsPlatformClient';

/**
 * `api:aws-platform`: the {@link AwsPlatformClient} behind
 * {@link awsPlatformApiRef}, for the cards' live sections.
 * @public
 */
export const awsPlatformApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: awsPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsPlatformClient({ discoveryApi, fetchApi }),
    }),
});

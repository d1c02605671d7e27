import {
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { awsPlatformApiRef, AwsPlatformClient } from '../api';
import {
  legacyAccessReviewRouteRef,
  legacyAccountMapRouteRef,
  legacyOwnershipRouteRef,
  legacyRenderedFilesRouteRef,
  legacyRootRouteRef,
} from './routes';

/**
 * The AWS Platform frontend plugin for apps on the legacy frontend system
 * (`createApp` from `@backstage/app-defaults`). It provides the same
 * `api:aws-platform` client as the new system's plugin; its pages and cards
 * are the same components.
 * @public
 */
export const awsPlatformLegacyPlugin = createPlugin({
  id: 'aws-platform',
  apis: [
    createApiFactory({
      api: awsPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AwsPlatformClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: legacyRootRouteRef,
    accountMap: legacyAccountMapRouteRef,
    ownership: legacyOwnershipRouteRef,
    accessReview: legacyAccessReviewRouteRef,
    renderedFiles: legacyRenderedFilesRouteRef,
  },
});

/**
 * The AWS Platform suite's backend: the `aws-platform` plugin (HTTP API) and
 * the catalog module that ingests the AWS organization. Installing the
 * package's default export adds both.
 *
 * @packageDocumentation
 */

import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { catalogModuleAwsPlatform } from './catalog/catalogModuleAwsPlatform';
import { awsPlatformPlugin } from './plugin';

/**
 * Both features of the package: `backend.add(import('@internal/backstage-plugin-aws-platform-backend'))`.
 * @public
 */
export default createBackendFeatureLoader({
  *loader() {
    yield awsPlatformPlugin;
    yield catalogModuleAwsPlatform;
  },
});

export { awsPlatformPlugin } from './plugin';
export { catalogModuleAwsPlatform } from './catalog/catalogModuleAwsPlatform';

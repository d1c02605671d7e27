/**
 * The AWS Platform suite's backend: the `aws-platform` plugin (HTTP API) and
 * the Kubernetes module that limits the Kubernetes plugin to the clusters the
 * suite ingested. The package's default export adds both and, as a
 * convenience, the catalog module of
 * `@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform`.
 *
 * @packageDocumentation
 */

import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import { catalogModuleAwsPlatform } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform';
import { kubernetesModuleAwsPlatform } from './kubernetes/kubernetesModuleAwsPlatform';
import { awsPlatformPlugin } from './plugin';

/**
 * All features of the package: `backend.add(import('@aws-platform-suite/backstage-plugin-aws-platform-backend'))`.
 * The Kubernetes module is added when the config has a `kubernetes` section
 * (the Kubernetes plugin does nothing without one), since a module needs its
 * plugin installed.
 * @public
 */
export default createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    yield awsPlatformPlugin;
    yield catalogModuleAwsPlatform;
    if (config.has('kubernetes')) yield kubernetesModuleAwsPlatform;
  },
});

export { awsPlatformPlugin } from './plugin';
export { kubernetesModuleAwsPlatform } from './kubernetes/kubernetesModuleAwsPlatform';

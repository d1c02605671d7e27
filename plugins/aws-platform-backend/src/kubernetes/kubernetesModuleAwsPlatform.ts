import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kubernetesClusterSupplierExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { SuiteClustersOnlySupplier } from './SuiteClustersOnlySupplier';

/**
 * Restricts the Kubernetes plugin to the EKS clusters the suite ingested:
 * the plugin's own locators still find the clusters, and only those whose
 * catalog entity the suite's provider emitted, with the same API server, CA
 * and `kubernetes.io/*` annotations, are served. Any other cluster (a
 * hand-registered entity, a cluster from `kubernetes.clusterLocatorMethods`
 * of type `config`) is left out, so no token is signed for it.
 *
 * It sets the plugin's cluster supplier, of which there can be one; install
 * the package's `awsPlatformPlugin` and `catalogModuleAwsPlatform` instead of
 * its default export to use another.
 *
 * @public
 */
export const kubernetesModuleAwsPlatform = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'aws-platform-clusters',
  register(reg) {
    reg.registerInit({
      deps: {
        clusterSupplier: kubernetesClusterSupplierExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
      },
      async init({ clusterSupplier, catalog, auth, logger }) {
        clusterSupplier.addClusterSupplier(
          async ({ getDefault }) =>
            new SuiteClustersOnlySupplier({
              located: await getDefault(),
              catalog,
              auth,
              logger,
            }),
        );
      },
    });
  },
});

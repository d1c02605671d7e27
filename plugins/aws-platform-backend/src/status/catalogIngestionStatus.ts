import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type {
  IngestionProviderStatus,
  IngestionStatusResponse,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { browserSafeIngestionStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { INGESTION_STATUS_PATH } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform';

/** Reads the ingestion status the catalog module keeps. */
export type IngestionStatusReader = () => Promise<IngestionProviderStatus[]>;

/**
 * Reads the ingestion status from the catalog module's route
 * (`GET /api/catalog/aws-platform/ingestion-status`), found through
 * discovery and called with this plugin's own service token, so that any
 * backend instance, or a split backend, answers from the catalog's
 * database. A catalog that cannot be reached, or that has no such route
 * (the module is not installed), is a 503 naming which.
 */
export function catalogIngestionStatusReader(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}): IngestionStatusReader {
  const { discovery, auth } = options;
  return async () => {
    const baseUrl = await discovery.getBaseUrl('catalog');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${INGESTION_STATUS_PATH}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        'The catalog could not be reached for the AWS Platform ingestion status',
        error,
      );
    }
    if (response.status === 404) {
      throw new ServiceUnavailableError(
        'The catalog does not serve the AWS Platform ingestion status: add the catalog module @aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform to the backend',
      );
    }
    if (!response.ok) {
      throw new ServiceUnavailableError(
        `The catalog answered the AWS Platform ingestion status request with HTTP ${response.status}`,
      );
    }
    const body = (await response.json()) as Partial<IngestionStatusResponse>;
    if (!Array.isArray(body.providers)) {
      throw new ServiceUnavailableError(
        'The catalog answered the AWS Platform ingestion status request without a list of providers',
      );
    }
    // The module keeps it browser-safe; sanitised again here, so that what
    // this plugin serves does not depend on the catalog's version.
    return body.providers.map(browserSafeIngestionStatus);
  };
}

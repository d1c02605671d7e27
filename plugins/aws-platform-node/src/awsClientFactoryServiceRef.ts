import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { AwsClientFactory, DefaultAwsClientFactory } from './awsClientFactory';

/**
 * The suite's {@link AwsClientFactory}, one per backend so that every plugin
 * shares the same per-account request budget.
 * @public
 */
export const awsClientFactoryServiceRef = createServiceRef<AwsClientFactory>({
  id: 'aws-platform.aws-client-factory',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => DefaultAwsClientFactory.fromConfig(config),
    }),
});

/*
 * The developer portal of the AWS Platform suite: Backstage's catalog,
 * scaffolder and Kubernetes plugins plus the suite's backend and actions.
 */

import { createBackend } from '@backstage/backend-defaults';
import { permissionModuleAwsPlatformPolicy } from './permissions/policyModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest for local use; configure a real provider for production.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog, with the AWS organization ingested by the suite.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@aws-platform-suite/backstage-plugin-aws-platform-backend'),
);

// Events: the suite's catalog module re-reads what CloudTrail events say
// changed (catalog.providers.awsPlatform.events), read from an SQS queue by
// the aws-sqs module (events.modules.awsSqs; nothing is polled without it).
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-aws-sqs'));

// Scaffolder, with the suite's AWS actions.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import(
    '@aws-platform-suite/backstage-plugin-scaffolder-backend-module-aws-platform'
  ),
);

// Kubernetes, which finds the EKS clusters in the catalog.
backend.add(import('@backstage/plugin-kubernetes-backend'));

// Permissions: the platform groups may do everything, other users read and
// run the suite's actions outside production (src/permissions).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionModuleAwsPlatformPolicy);

backend.start();

import { createRouteRef } from '@backstage/frontend-plugin-api';

/**
 * Route of the AWS Platform page.
 * @public
 */
export const rootRouteRef = createRouteRef();

/**
 * Route of the accounts table, the AWS Platform page's first tab.
 * @public
 */
export const accountsRouteRef = createRouteRef();

/**
 * Route of the account map, the AWS Platform page's second tab.
 * @public
 */
export const accountMapRouteRef = createRouteRef();

/**
 * Route of the ownership review page.
 * @public
 */
export const ownershipRouteRef = createRouteRef();

/**
 * Route of the access review page (IAM Identity Center).
 * @public
 */
export const accessReviewRouteRef = createRouteRef();

/**
 * Route of a task's rendered files page, `/aws-platform/rendered-files/:taskId`.
 * @public
 */
export const renderedFilesRouteRef = createRouteRef({ params: ['taskId'] });

import { createRouteRef } from '@backstage/frontend-plugin-api';

/**
 * Route of the AWS Platform page.
 * @public
 */
export const rootRouteRef = createRouteRef();

/**
 * Route of the ownership review page.
 * @public
 */
export const ownershipRouteRef = createRouteRef();

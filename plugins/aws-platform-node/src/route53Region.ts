/**
 * Route 53 is global; its API is signed for us-east-1.
 *
 * @public
 */
export const ROUTE53_REGION = 'us-east-1';

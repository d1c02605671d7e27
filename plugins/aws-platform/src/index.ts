/**
 * The AWS Platform suite's frontend: the AWS organization in Backstage.
 *
 * @packageDocumentation
 */

export { awsPlatformPlugin as default } from './plugin';
export { awsPlatformPage } from './plugin';
export { awsPlatformTranslationRef } from './translation';
export { rootRouteRef } from './routes';

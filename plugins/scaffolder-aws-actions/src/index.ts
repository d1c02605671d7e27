/**
 * Scaffolder actions of the AWS Platform suite: delegated subdomains (more to
 * come: backup plans, Flightdeck workloads). Safe to retry and to dry-run.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAwsPlatform as default } from './module';
export { createDelegatedSubdomainAction } from './actions/createDelegatedSubdomain';

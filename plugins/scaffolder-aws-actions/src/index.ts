/**
 * Scaffolder actions of the AWS Platform suite: delegated subdomains and
 * backup plans (more to come: Flightdeck workloads). Safe to retry and to
 * dry-run.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAwsPlatform as default } from './module';
export { createDelegatedSubdomainAction } from './actions/createDelegatedSubdomain';
export { createBackupPlanAction } from './actions/createBackupPlan';

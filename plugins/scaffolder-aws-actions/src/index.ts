/**
 * Scaffolder actions of the AWS Platform suite: delegated subdomains, backup
 * plans and new Flightdeck workloads, and rendered files kept for download.
 * Safe to retry and to dry-run.
 *
 * @packageDocumentation
 */

export { scaffolderModuleAwsPlatform as default } from './module';
export { createDelegatedSubdomainAction } from './actions/createDelegatedSubdomain';
export { createBackupPlanAction } from './actions/createBackupPlan';
export { createFlightdeckWorkloadAction } from './actions/createFlightdeckWorkload';
export { keepRenderedFilesAction } from './actions/keepRenderedFiles';
export { readActionsConfig } from './actionsConfig';
export type {
  AccountChanges,
  BackupPlanInput,
  BackupPlanOutput,
  DelegatedSubdomainInput,
  DelegatedSubdomainOutput,
  FlightdeckWorkloadInput,
  FlightdeckWorkloadOutput,
  FlightdeckWorkloadStageInput,
  FlightdeckWorkloadStageOutput,
  KeepRenderedFilesInput,
  KeepRenderedFilesOutput,
} from './actions/actionTypes';
export type {
  ActionsConfig,
  AllowedAccount,
  BackupConfig,
} from './actionsConfig';
export type {
  FlightdeckClusterConfig,
  FlightdeckConfig,
} from './flightdeck/flightdeckConfig';

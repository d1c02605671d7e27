/*
 * The input and output of each action, written out: the types inferred from
 * the zod schemas print with their fields in an order that can change from
 * one type check to the next, which made the API report flap.
 */

import type { RenderedFiles } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * The AWS changes of one account, as the actions' `changesByAccount`
 * output lists them: planned (imperative) or, after an applied run, the
 * changes made.
 * @public
 */
export type AccountChanges = {
  accountId: string;
  accountName: string;
  changes: string[];
};

/**
 * Input of `aws-platform:route53:subdomain:create`.
 * @public
 */
export type DelegatedSubdomainInput = {
  domainName: string;
  account: string;
  owner: string;
  tags?: Record<string, string>;
  repairDelegation?: boolean;
  planOnly?: boolean;
};

/**
 * Output of `aws-platform:route53:subdomain:create`.
 * @public
 */
export type DelegatedSubdomainOutput = {
  zoneId: string;
  domainName: string;
  nameServers: string[];
  parentZoneId: string;
  consoleUrl: string;
  created: boolean;
  plannedChanges: string[];
  changesByAccount: AccountChanges[];
  changeSummary: string;
};

/**
 * Input of `aws-platform:backup:plan:create`.
 * @public
 */
export type BackupPlanInput = {
  account: string;
  owner: string;
  region: string;
  planName: string;
  schedule: string;
  deleteAfterDays: number;
  startWindowMinutes?: number;
  completionWindowMinutes?: number;
  coldStorageAfterDays?: number;
  copyToBackupAccount?: boolean;
  secondaryRegion?: string;
  selectionTagKey?: string;
  selectionTagValue?: string;
  tags?: Record<string, string>;
  planOnly?: boolean;
};

/**
 * Output of `aws-platform:backup:plan:create`.
 * @public
 */
export type BackupPlanOutput = {
  planId: string;
  planArn: string;
  planName: string;
  selectionId: string;
  copyTargets: string[];
  consoleUrl: string;
  created: boolean;
  plannedChanges: string[];
  changesByAccount: AccountChanges[];
  changeSummary: string;
};

/**
 * One stage of `aws-platform:flightdeck:workload:create`'s input.
 * @public
 */
export type FlightdeckWorkloadStageInput = {
  name: string;
  account: string;
  clusters: string[];
  zone?: string;
  host?: string;
  deployBranches?: string[];
};

/**
 * Input of `aws-platform:flightdeck:workload:create`.
 * @public
 */
export type FlightdeckWorkloadInput = {
  name: string;
  githubRepository: string;
  owner: string;
  stages: FlightdeckWorkloadStageInput[];
  serviceAccount?: string;
  planOnly?: boolean;
};

/**
 * What one stage of a Flightdeck workload got.
 * @public
 */
export type FlightdeckWorkloadStageOutput = {
  name: string;
  accountId: string;
  accountName: string;
  region: string;
  namespace: string;
  serviceAccount: string;
  clusters: string[];
  podRoleArn: string;
  deployRoleArn: string;
  host: string;
  zoneName: string;
  zoneId: string;
  ingress: { dnsName: string; hostedZoneId: string };
  deployBranches: string[];
};

/**
 * Output of `aws-platform:flightdeck:workload:create`.
 * @public
 */
export type FlightdeckWorkloadOutput = {
  repositoryName: string;
  repositoryUri: string;
  repositoryArn: string;
  ecrRegion: string;
  pushRoleArn: string;
  stages: FlightdeckWorkloadStageOutput[];
  consoleUrl: string;
  changed: boolean;
  plannedChanges: string[];
  changesByAccount: AccountChanges[];
  changeSummary: string;
};

/**
 * Input of `aws-platform:rendered-files:keep`.
 * @public
 */
export type KeepRenderedFilesInput = {
  paths?: string[];
  name: string;
};

/**
 * Output of `aws-platform:rendered-files:keep`.
 * @public
 */
export type KeepRenderedFilesOutput = {
  renderedFiles: RenderedFiles;
  downloadPath: string;
};

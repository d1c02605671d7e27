/**
 * A local AWS estate for development and tests: moto's server on loopback,
 * seeded with the AWS Platform Guide's reference organization.
 *
 * @packageDocumentation
 */

export { startLocalAws } from './emulator.ts';
export { resetMoto, MOTO_SEED } from './motoApi.ts';
export type { LocalAws, StartLocalAwsOptions } from './emulator.ts';
export { describeRecordedRequest } from './requestLog.ts';
export type { RecordedRequest, RequestLog } from './requestLog.ts';
export {
  createCapturingLogger,
  findSecrets,
  recordCredentials,
} from './secretScan.ts';
export type { CapturingLogger } from './secretScan.ts';
export {
  seedReferenceEstate,
  CLUSTER_VERSIONS,
  DRIFTED_NAME_SERVER,
} from './seed/referenceEstate.ts';
export type {
  ReferenceEstate,
  SeedReferenceEstateOptions,
} from './seed/referenceEstate.ts';
export { seedLargeEstate } from './seed/largeEstate.ts';
export { seedConventionEstate } from './seed/conventionEstate.ts';
export type { ConventionEstate } from './seed/conventionEstate.ts';
export { seedHoldingsEstate } from './seed/holdingsEstate.ts';
export type { HoldingsEstate } from './seed/holdingsEstate.ts';
export { startReferenceEstate } from './referenceEstateServer.ts';
export { useReferenceEstate } from './useReferenceEstate.ts';
export type { LocalEstate } from './useReferenceEstate.ts';
export type {
  LargeEstate,
  SeedLargeEstateOptions,
} from './seed/largeEstate.ts';
export * from './seed/conventions.ts';
export type { SeededAccount } from './seed/organization.ts';
export type { SeededZone, SeededDelegation } from './seed/dns.ts';
export type { SeededCluster } from './seed/flightdeckCluster.ts';
export type { SeededVault, SeededPlan } from './seed/backup.ts';
export type { SeededRepository } from './seed/ecr.ts';
export {
  IDENTITY_CENTER_ASSIGNMENTS,
  IDENTITY_CENTER_GROUPS,
  IDENTITY_CENTER_USERS,
  PERMISSION_SETS,
} from './seed/identityCenter.ts';
export type {
  IdentityCenterAssignment,
  PermissionSetName,
  SeededIdentityCenter,
} from './seed/identityCenter.ts';
export * from './faults/index.ts';
export { generateEstatePlan } from './seed/generated/generateEstatePlan.ts';
export { seedGeneratedEstate } from './seed/generated/seedGeneratedEstate.ts';
export type { GeneratedEstate } from './seed/generated/seedGeneratedEstate.ts';
export type {
  GeneratedEstatePlan,
  PlannedAccount,
  PlannedEvidence,
  SeededProblem,
} from './seed/generated/estatePlanTypes.ts';

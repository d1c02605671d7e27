/**
 * Fault injection between AWS SDK clients and the local emulator: a proxy
 * on loopback that answers chosen requests with each protocol's throttling
 * error, a 5xx, added latency or a dropped connection, denies one account's
 * role, and counts requests, retries and faults per operation.
 */
export { startFaultProxy } from './faultProxy.ts';
export type {
  FaultEvent,
  FaultProxy,
  FaultProxyOptions,
  FaultProxyStats,
  OperationStats,
} from './faultProxy.ts';
export type { Fault, FaultMatch, FaultRule } from './faultRules.ts';
export {
  accessDeniedError,
  protocolOf,
  renderAwsError,
  serverError,
  throttlingError,
} from './awsErrorResponses.ts';
export type {
  AwsError,
  AwsProtocol,
  ThrottlingKind,
  WireResponse,
} from './awsErrorResponses.ts';
export {
  classifyRequest,
  isMutatingOperation,
  operationKey,
  parseAuthorization,
} from './awsOperations.ts';
export type { Operation, RawRequest, SignedRequest } from './awsOperations.ts';
export {
  accountOfRoleArn,
  assumedRoleKey,
  forwardToEmulator,
  sdkAttempt,
} from './emulatorForwarding.ts';
export type {
  EmulatorRequest,
  EmulatorResponse,
} from './emulatorForwarding.ts';
export type { StoredSelection } from './backupSelections.ts';
export { BackupSelectionStore } from './backupSelections.ts';
export { MATRIX_OUT_ENV, recordMatrixRow } from './matrixReport.ts';
export type { MatrixRow } from './matrixReport.ts';

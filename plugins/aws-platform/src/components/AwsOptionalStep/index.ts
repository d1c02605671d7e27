export { AwsOptionalStep } from './AwsOptionalStep';
export type { AwsOptionalStepOptions } from './AwsOptionalStep';
export { awsOptionalStepSchema } from './fieldSchema';

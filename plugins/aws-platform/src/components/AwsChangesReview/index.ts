export { AwsChangesReview } from './AwsChangesReview';
export type { AwsChangesReviewOptions } from './AwsChangesReview';
export { validateAwsChangesReview } from './validateAwsChangesReview';
export { awsChangesReviewSchema } from './fieldSchema';

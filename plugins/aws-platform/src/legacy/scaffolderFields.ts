import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  AwsChangesReview,
  awsChangesReviewSchema,
  validateAwsChangesReview,
} from '../components/AwsChangesReview';
import { awsPlatformLegacyPlugin } from './plugin';

/**
 * The `AwsChangesReview` field of the suite's templates' Review step, for
 * apps on the legacy frontend system: put it inside
 * `<ScaffolderFieldExtensions>` of the app's `ScaffolderPage` route.
 * @public
 */
export const AwsChangesReviewFieldExtension = awsPlatformLegacyPlugin.provide(
  createScaffolderFieldExtension({
    name: 'AwsChangesReview',
    component: AwsChangesReview,
    validation: validateAwsChangesReview,
    schema: awsChangesReviewSchema.schema,
  }),
);

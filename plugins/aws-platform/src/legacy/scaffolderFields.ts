import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  AwsChangesReview,
  awsChangesReviewSchema,
  validateAwsChangesReview,
} from '../components/AwsChangesReview';
import {
  AwsResourcePicker,
  awsResourcePickerSchema,
} from '../components/AwsResourcePicker';
import {
  AwsOptionalStep,
  awsOptionalStepSchema,
} from '../components/AwsOptionalStep';
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

/**
 * The `AwsResourcePicker` field of the suite's templates (accounts,
 * clusters and zones as "Name (id)", a cluster or zone from the account
 * chosen in another field), for apps on the legacy frontend system: put it
 * inside `<ScaffolderFieldExtensions>` next to
 * {@link AwsChangesReviewFieldExtension}.
 * @public
 */
export const AwsResourcePickerFieldExtension = awsPlatformLegacyPlugin.provide(
  createScaffolderFieldExtension({
    name: 'AwsResourcePicker',
    component: AwsResourcePicker,
    schema: awsResourcePickerSchema.schema,
  }),
);

/**
 * The `AwsOptionalStep` field of the suite's templates (a checkbox for an
 * optional step, offered only where the scaffolder has the actions the step
 * runs), for apps on the legacy frontend system: put it inside
 * `<ScaffolderFieldExtensions>` next to
 * {@link AwsChangesReviewFieldExtension}.
 * @public
 */
export const AwsOptionalStepFieldExtension = awsPlatformLegacyPlugin.provide(
  createScaffolderFieldExtension({
    name: 'AwsOptionalStep',
    component: AwsOptionalStep,
    schema: awsOptionalStepSchema.schema,
  }),
);

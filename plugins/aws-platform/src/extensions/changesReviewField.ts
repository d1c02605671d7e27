import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * `scaffolder-form-field:aws-platform/aws-changes-review`: the
 * `AwsChangesReview` field of the suite's templates' Review step, which
 * plans the template's AWS changes in a plan-only task and shows them by
 * account. It attaches to the scaffolder's form fields; the component
 * loads when a form first uses it.
 * @public
 */
export const awsChangesReviewFormField = FormFieldBlueprint.make({
  name: 'aws-changes-review',
  params: {
    field: () =>
      import('../components/AwsChangesReview').then(m =>
        createFormField({
          name: 'AwsChangesReview',
          component: m.AwsChangesReview,
          validation: m.validateAwsChangesReview,
          schema: m.awsChangesReviewSchema,
        }),
      ),
  },
});

import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * `scaffolder-form-field:aws-platform/aws-optional-step`: the
 * `AwsOptionalStep` field of the suite's templates, a checkbox for an
 * optional step (publishing the repository) offered only where the
 * scaffolder backend has the actions the step runs.
 * @public
 */
export const awsOptionalStepFormField = FormFieldBlueprint.make({
  name: 'aws-optional-step',
  params: {
    field: () =>
      import('../components/AwsOptionalStep').then(m =>
        createFormField({
          name: 'AwsOptionalStep',
          component: m.AwsOptionalStep,
          schema: m.awsOptionalStepSchema,
        }),
      ),
  },
});

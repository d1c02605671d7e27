import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * `scaffolder-form-field:aws-platform/aws-resource-picker`: the
 * `AwsResourcePicker` field of the suite's templates, which offers the
 * suite's accounts, clusters and zones as "Name (id)", a cluster or zone
 * only from the account chosen in another field.
 * @public
 */
export const awsResourcePickerFormField = FormFieldBlueprint.make({
  name: 'aws-resource-picker',
  params: {
    field: () =>
      import('../components/AwsResourcePicker').then(m =>
        createFormField({
          name: 'AwsResourcePicker',
          component: m.AwsResourcePicker,
          schema: m.awsResourcePickerSchema,
        }),
      ),
  },
});

import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The field's value (a summary of the plan) and its `ui:options`. */
export const awsChangesReviewSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z =>
    z.object({
      templateRef: z
        .string()
        .optional()
        .describe(
          'The template to plan, e.g. template:default/aws-delegated-subdomain; by default the one whose page the form is on',
        ),
    }),
});

import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The field's value (whether the step runs) and its `ui:options`. */
export const awsOptionalStepSchema = makeFieldSchema({
  output: z => z.boolean(),
  uiOptions: z =>
    z.object({
      actions: z
        .array(z.string())
        .describe(
          'The scaffolder actions the step runs, e.g. [publish:github, catalog:register]; without one of them the step is not offered',
        ),
    }),
});

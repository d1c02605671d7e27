import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The field's value (an entity ref) and its `ui:options`. */
export const awsResourcePickerSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z =>
    z.object({
      type: z
        .string()
        .describe(
          'The spec.type offered: aws-account, kubernetes-cluster, dns-zone, aws-backup-vault or aws-backup-plan',
        ),
      accountField: z
        .string()
        .optional()
        .describe(
          "The form field holding the account: only that account's resources are offered",
        ),
      accountRoles: z
        .array(z.string())
        .optional()
        .describe(
          'For accounts: only these roles (the account-role label), e.g. [production, sandbox, workload]',
        ),
    }),
});

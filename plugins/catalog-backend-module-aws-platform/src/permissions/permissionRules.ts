import type { Entity } from '@backstage/catalog-model';
import type { EntitiesSearchFilter } from '@backstage/plugin-catalog-node';
import { catalogEntityPermissionResourceRef } from '@backstage/plugin-catalog-node/alpha';
import {
  createConditionFactory,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import type { PermissionRule } from '@backstage/plugin-permission-node';
import type { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  ACCOUNT_ROLE_IDS,
  ANNOTATION_AWS_ACCOUNT_ID,
  LABEL_ACCOUNT_ROLE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { z } from 'zod';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/** Whether `value` is one of `values`, ignoring case as the catalog's filters do. */
function oneOf(value: string | undefined, values: readonly string[]): boolean {
  return value !== undefined && values.map(lower).includes(lower(value));
}

/**
 * `HAS_AWS_ACCOUNT_ROLE`: an AWS account entity whose role in the AWS
 * Platform Guide (its `aws-platform-suite.github.io/account-role` label) is
 * one of `roles`, e.g. `{ roles: ['production'] }`. Combine it with the
 * catalog's `HAS_LABEL` on `aws-platform-suite.github.io/suite-entity` to
 * leave out look-alikes registered from catalog files.
 * @public
 */
export const hasAwsAccountRole: PermissionRule<
  Entity,
  EntitiesSearchFilter,
  'catalog-entity',
  { roles: AccountRole[] }
> = createPermissionRule({
  name: 'HAS_AWS_ACCOUNT_ROLE',
  description:
    'Allow AWS account entities whose role in the AWS Platform Guide is one of the given roles',
  resourceRef: catalogEntityPermissionResourceRef,
  paramsSchema: z.object({
    roles: z
      .array(z.enum(ACCOUNT_ROLE_IDS))
      .describe('Account roles, e.g. production, sandbox, network'),
  }),
  apply: (entity: Entity, { roles }) =>
    oneOf(entity.metadata.labels?.[LABEL_ACCOUNT_ROLE], roles),
  toQuery: ({ roles }) => ({
    key: `metadata.labels.${LABEL_ACCOUNT_ROLE}`,
    values: roles,
  }),
});

/**
 * `IS_IN_AWS_ACCOUNT`: an entity that is, or lives in, one of the given AWS
 * accounts (its `amazonaws.com/account-id` annotation): the account itself,
 * its zones, clusters, vaults and plans, and any other entity annotated so.
 * @public
 */
export const isInAwsAccount = createPermissionRule({
  name: 'IS_IN_AWS_ACCOUNT',
  description:
    'Allow entities that are, or live in, one of the given AWS accounts',
  resourceRef: catalogEntityPermissionResourceRef,
  paramsSchema: z.object({
    accountIds: z
      .array(z.string().regex(/^\d{12}$/))
      .describe('12-digit AWS account ids'),
  }),
  apply: (entity: Entity, { accountIds }) =>
    oneOf(entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID], accountIds),
  toQuery: ({ accountIds }) => ({
    key: `metadata.annotations.${ANNOTATION_AWS_ACCOUNT_ID}`,
    values: accountIds,
  }),
});

/**
 * The catalog permission rules the module adds, for a permission policy's
 * conditional decisions, e.g.
 * `createCatalogConditionalDecision(request.permission, awsPlatformCatalogConditions.hasAwsAccountRole({ roles: ['sandbox'] }))`.
 * @public
 */
export const awsPlatformCatalogConditions = {
  hasAwsAccountRole: createConditionFactory(hasAwsAccountRole),
  isInAwsAccount: createConditionFactory(isInAwsAccount),
};

/** The rules the module adds to the catalog's permission rules. */
export const awsPlatformCatalogPermissionRules = [
  hasAwsAccountRole,
  isInAwsAccount,
];

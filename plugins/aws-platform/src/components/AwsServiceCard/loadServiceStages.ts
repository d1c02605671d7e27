import { Entity } from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  AWS_ENTITY_TYPES,
  isAwsAccountEntity,
  LABEL_ACCOUNT_ROLE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { dependencyRefsOf } from './serviceDependencies';
import {
  ServiceStages,
  stageAccountIds,
  toServiceStages,
} from './serviceStages';

const ACCOUNT_ID_KEY = `metadata.annotations.${ANNOTATION_AWS_ACCOUNT_ID}`;

/**
 * Reads what the AWS card of a service shows, in at most two catalog
 * requests whatever the number of dependencies:
 *
 * 1. the component's dependencies, all at once (`getEntitiesByRefs`); a ref
 *    the catalog does not return is reported as missing;
 * 2. for the accounts among them, their backup plans and vaults, the
 *    Backup account(s) of the organization, and the account entities the
 *    component does not depend on itself (one query, its filters OR-ed).
 *
 * Backup plans are found by their account rather than listed in the
 * component's `dependsOn`: a plan's entity name carries a hash of the plan
 * id that AWS generates (`backup-plan-<hash>-<account>-<region>`), which
 * differs in every estate and after a plan is recreated, and the workload
 * template does not write plans into `dependsOn`. A plan a component does
 * depend on is taken as the stage's plan instead of the account's.
 */
export async function loadServiceStages(
  catalogApi: CatalogApi,
  component: Entity,
): Promise<ServiceStages> {
  const refs = dependencyRefsOf(component);
  if (refs.length === 0) return { stages: [], missing: [] };
  const { items } = await catalogApi.getEntitiesByRefs({ entityRefs: refs });
  const dependencies: Entity[] = [];
  const missing: string[] = [];
  items.forEach((item, index) => {
    if (item) dependencies.push(item);
    else missing.push(refs[index]);
  });

  const ids = stageAccountIds(dependencies);
  if (ids.length === 0) return { stages: [], missing };
  const withAccount = new Set(
    dependencies
      .filter(isAwsAccountEntity)
      .map(entity => entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID]),
  );
  const withoutAccount = ids.filter(id => !withAccount.has(id));
  // The list-valued key comes last in each filter: any value of it matches.
  const { items: related } = await catalogApi.getEntities({
    filter: [
      {
        kind: 'resource',
        'spec.type': AWS_ENTITY_TYPES.backupPlan,
        [ACCOUNT_ID_KEY]: ids,
      },
      {
        kind: 'resource',
        'spec.type': AWS_ENTITY_TYPES.backupVault,
        [ACCOUNT_ID_KEY]: ids,
      },
      {
        kind: 'resource',
        'spec.type': AWS_ENTITY_TYPES.account,
        [`metadata.labels.${LABEL_ACCOUNT_ROLE}`]: 'backup',
      },
      ...(withoutAccount.length
        ? [
            {
              kind: 'resource',
              'spec.type': AWS_ENTITY_TYPES.account,
              [ACCOUNT_ID_KEY]: withoutAccount,
            },
          ]
        : []),
    ],
  });
  return {
    stages: toServiceStages(component, dependencies, related),
    missing,
  };
}

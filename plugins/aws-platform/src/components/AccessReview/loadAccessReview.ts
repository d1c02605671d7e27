import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import {
  AccessEntities,
  AccessRow,
  AWS_ENTITY_TYPES,
  AWS_PERMISSION_SET_TYPE,
  isSuiteEntity,
  isSuiteLocationRef,
  toAccessRows,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** Entities asked for per catalog request. */
export const ACCESS_PAGE_SIZE = 500;
/** Pages read at most per query: 2,000 pages of 500 are a million entities. */
const MAX_PAGES = 2_000;

/**
 * Every entity matching `filter`, read page by page (`queryEntities` with a
 * cursor), never in one unbounded request.
 */
async function readPaged(
  catalogApi: CatalogApi,
  filter: Record<string, string | string[]>,
  fields: string[],
  pageSize: number,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  let page = await catalogApi.queryEntities({
    filter,
    fields,
    limit: pageSize,
  });
  for (let pages = 1; ; pages++) {
    entities.push(...page.items);
    const cursor = page.pageInfo.nextCursor;
    if (!cursor) return entities;
    if (pages >= MAX_PAGES) {
      throw new Error(
        `The catalog returned more than ${MAX_PAGES} pages for the access review`,
      );
    }
    page = await catalogApi.queryEntities({ cursor, fields, limit: pageSize });
  }
}

const RESOURCE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'metadata.labels',
  'spec.type',
];
const GROUP_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'spec.members',
  'relations',
];

/**
 * Reads the suite's accounts and permission sets and the catalog's groups,
 * each in pages, and builds the review's rows. Only the suite's own
 * resources are kept: a look-alike registered by hand is not reviewed.
 */
export async function loadAccessEntities(
  catalogApi: CatalogApi,
  pageSize: number = ACCESS_PAGE_SIZE,
): Promise<AccessEntities> {
  const [resources, groups] = await Promise.all([
    readPaged(
      catalogApi,
      {
        kind: 'Resource',
        'spec.type': [AWS_ENTITY_TYPES.account, AWS_PERMISSION_SET_TYPE],
      },
      RESOURCE_FIELDS,
      pageSize,
    ),
    readPaged(catalogApi, { kind: 'Group' }, GROUP_FIELDS, pageSize),
  ]);
  return {
    accounts: resources.filter(isSuiteEntity),
    permissionSets: resources.filter(
      e => e.spec?.type === AWS_PERMISSION_SET_TYPE && isEmittedBySuite(e),
    ),
    groups,
  };
}

/** The review's rows, read from the catalog. */
export async function loadAccessReview(
  catalogApi: CatalogApi,
): Promise<AccessRow[]> {
  return toAccessRows(await loadAccessEntities(catalogApi));
}

/** Whether the suite's provider emitted the entity (its location and origin). */
function isEmittedBySuite(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    isSuiteLocationRef(annotations[ANNOTATION_LOCATION]) &&
    isSuiteLocationRef(annotations[ANNOTATION_ORIGIN_LOCATION])
  );
}

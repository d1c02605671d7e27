import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_OWNER_SOURCE,
  AWS_ENTITY_TYPES,
  isGroupSourcePresent,
  isSuiteEntity,
  ownerRefOf,
  OwnershipRow,
  toOwnershipRows,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** Entities asked for per catalog request. */
export const REVIEW_PAGE_SIZE = 500;
/** Owners checked per `getEntitiesByRefs` request. */
export const OWNER_BATCH = 200;
/** Pages read at most: 2,000 pages of 500 are a million entities. */
const MAX_PAGES = 2_000;

const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'metadata.labels',
  'spec.type',
  'spec.owner',
];
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/** What the review shows: its rows, and whether owners were checked. */
export interface OwnershipReview {
  rows: OwnershipRow[];
  /** See `isGroupSourcePresent`; without one, unknown owners are not flagged. */
  groupSourcePresent: boolean;
}

/**
 * Reads the suite's entities page by page (`queryEntities` with a cursor),
 * never in one unbounded request. Only the suite's own entities are kept: a
 * look-alike registered by hand must not be reviewed as if ingested.
 */
export async function readSuiteResources(
  catalogApi: CatalogApi,
  pageSize: number = REVIEW_PAGE_SIZE,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  let page = await catalogApi.queryEntities({
    filter: {
      kind: 'Resource',
      'spec.type': Object.values(AWS_ENTITY_TYPES),
    },
    fields: FIELDS,
    limit: pageSize,
  });
  for (let pages = 1; ; pages++) {
    entities.push(...page.items.filter(isSuiteEntity));
    const cursor = page.pageInfo.nextCursor;
    if (!cursor) return entities;
    if (pages >= MAX_PAGES) {
      throw new Error(
        `The catalog returned more than ${MAX_PAGES} pages of AWS entities`,
      );
    }
    page = await catalogApi.queryEntities({
      cursor,
      fields: FIELDS,
      limit: pageSize,
    });
  }
}

/** The refs among `owners` that name an entity of the catalog. */
export async function existingOwnersOf(
  catalogApi: CatalogApi,
  owners: readonly string[],
): Promise<Set<string>> {
  const existing = new Set<string>();
  for (let i = 0; i < owners.length; i += OWNER_BATCH) {
    const found = await catalogApi.getEntitiesByRefs({
      entityRefs: owners.slice(i, i + OWNER_BATCH),
      fields: REF_FIELDS,
    });
    for (const owner of found.items) {
      if (owner) existing.add(stringifyEntityRef(owner));
    }
  }
  return existing;
}

/**
 * Whether the catalog holds a group beyond the default owners: one request
 * for one more group than there are default owners, which must then name
 * another.
 */
async function hasGroupSource(
  catalogApi: CatalogApi,
  defaultOwners: ReadonlySet<string>,
): Promise<boolean> {
  const { items } = await catalogApi.queryEntities({
    filter: { kind: 'Group' },
    fields: REF_FIELDS,
    limit: defaultOwners.size + 1,
  });
  return isGroupSourcePresent(items.map(stringifyEntityRef), defaultOwners);
}

/** Everything the ownership review page shows, read from the catalog. */
export async function loadOwnershipReview(
  catalogApi: CatalogApi,
  pageSize: number = REVIEW_PAGE_SIZE,
): Promise<OwnershipReview> {
  const suite = await readSuiteResources(catalogApi, pageSize);
  const owners = [...new Set(suite.map(ownerRefOf))].filter(Boolean);
  const defaultOwners = new Set(
    suite
      .filter(
        e => e.metadata.annotations?.[ANNOTATION_OWNER_SOURCE] === 'default',
      )
      .map(ownerRefOf)
      .filter(Boolean),
  );
  const [existingOwners, groupSourcePresent] = await Promise.all([
    existingOwnersOf(catalogApi, owners),
    hasGroupSource(catalogApi, defaultOwners),
  ]);
  return {
    rows: toOwnershipRows(suite, { existingOwners, groupSourcePresent }),
    groupSourcePresent,
  };
}

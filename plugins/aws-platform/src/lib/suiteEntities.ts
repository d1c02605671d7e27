import type { Entity } from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import { isSuiteEntity } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

type GetEntitiesRequest = NonNullable<Parameters<CatalogApi['getEntities']>[0]>;

/** What `isSuiteEntity` reads; added to any field list a caller asks for. */
const SUITE_CHECK_FIELDS = ['kind', 'spec.type', 'metadata.annotations'];

/**
 * The suite's own entities among those matching `filter`. Anyone may
 * register a look-alike (same kind, type, annotations and labels) from a
 * catalog file, but not its location: the catalog sets
 * `backstage.io/managed-by-location` of such an entity to the file. So each
 * answer is checked with `isSuiteEntity` (the suite's location prefix),
 * which the catalog's exact-match filters cannot express.
 */
export async function getSuiteEntities(
  catalogApi: CatalogApi,
  request: { filter: GetEntitiesRequest['filter']; fields?: string[] },
): Promise<Entity[]> {
  const fields = request.fields && [
    ...new Set([...request.fields, ...SUITE_CHECK_FIELDS]),
  ];
  const { items } = await catalogApi.getEntities({
    filter: request.filter,
    ...(fields ? { fields } : {}),
  });
  return items.filter(isSuiteEntity);
}

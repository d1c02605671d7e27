import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { AWS_ENTITY_TYPES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { getSuiteEntities } from '../../lib/suiteEntities';

/** The entity fields the map reads; the rest stays on the server. */
export const MAP_ENTITY_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.labels',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
  'spec.summary',
];

/**
 * The organization's account and OU entities, in one catalog query with
 * only the fields the map needs (at 1,000 accounts that is a few hundred
 * kilobytes instead of several megabytes of full entities).
 */
export function useOrganizationEntities() {
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry<Entity[]>(async () => {
    // Only the suite's own entities: a look-alike account registered by
    // hand must not appear on the map.
    return getSuiteEntities(catalogApi, {
      filter: [
        { kind: 'Resource', 'spec.type': AWS_ENTITY_TYPES.account },
        { kind: 'Resource', 'spec.type': AWS_ENTITY_TYPES.organizationalUnit },
      ],
      fields: MAP_ENTITY_FIELDS,
    });
  }, [catalogApi]);
}

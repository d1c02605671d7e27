import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { AccountMapBody } from './AccountMapPage';
import { useOrganizationEntities } from './useOrganizationEntities';

/**
 * The account map on an AWS account's or OU's entity page, opened down to
 * that entity, which is selected and highlighted.
 * @public
 */
export function EntityAccountMapContent() {
  const { entity } = useEntity();
  const { value: entities, loading, error } = useOrganizationEntities();
  return (
    <Content noPadding>
      <AccountMapBody
        entities={entities}
        loading={loading}
        error={error}
        focusRef={stringifyEntityRef(entity)}
      />
    </Content>
  );
}

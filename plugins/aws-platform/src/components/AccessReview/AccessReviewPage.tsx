import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Container, Flex, Text } from '@backstage/ui';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AsyncState } from '../shared/AsyncState';
import { AccessExportButton } from './AccessExportButton';
import { AccessFilterBar } from './AccessFilterBar';
import { AccessTable } from './AccessTable';
import { ACCESS_TEXT } from './accessText';
import { loadAccessReview } from './loadAccessReview';
import {
  AccessFilters,
  filterAccessRows,
  NO_ACCESS_FILTERS,
} from './model/accessRows';

/**
 * The access review: groups and users × accounts × IAM Identity Center
 * permission sets, from the catalog (read in pages), flagged where the
 * platform team must act (see `accessFlags` in the common package); filters and a CSV export
 * of exactly the rows shown. Drawn with `@backstage/ui`; the loading, error
 * and empty states are the plugin's shared ones.
 * @public
 */
export function AccessReviewPage() {
  const catalogApi = useApi(catalogApiRef);
  const [filters, setFilters] = useState<AccessFilters>(NO_ACCESS_FILTERS);
  const {
    value: rows,
    loading,
    error,
  } = useAsync(() => loadAccessReview(catalogApi), [catalogApi]);
  const visible = useMemo(
    () => filterAccessRows(rows ?? [], filters),
    [rows, filters],
  );
  const flagged = visible.filter(row => row.flags.length > 0).length;

  return (
    <Container pt="4">
      <Flex justify="between" align="start" gap="4" mb="4">
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-small">
            {ACCESS_TEXT.title}
          </Text>
          <Text color="secondary">{ACCESS_TEXT.subtitle}</Text>
        </Flex>
        <AccessExportButton rows={visible} />
      </Flex>
      <AsyncState
        loading={loading}
        error={error}
        empty={!rows?.length}
        emptyTitle={ACCESS_TEXT.title}
        emptyDescription={ACCESS_TEXT.empty}
      >
        {() => (
          <>
            <AccessFilterBar
              rows={rows ?? []}
              filters={filters}
              onChange={setFilters}
            />
            <Text
              as="p"
              role="status"
              weight="bold"
              style={{ marginBottom: 8 }}
            >
              {ACCESS_TEXT.summary(visible.length, flagged)}
            </Text>
            <AccessTable
              rows={rows ?? []}
              filters={filters}
              visibleCount={visible.length}
            />
          </>
        )}
      </AsyncState>
    </Container>
  );
}

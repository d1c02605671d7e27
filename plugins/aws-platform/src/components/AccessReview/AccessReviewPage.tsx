import { Content, ContentHeader, Table } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { downloadCsv, toCsv } from '../OwnershipPage/csv';
import { AsyncState } from '../shared/AsyncState';
import { AccessFilterBar } from './AccessFilterBar';
import { accessColumns } from './accessColumns';
import { ACCESS_TEXT } from './accessText';
import { loadAccessReview } from './loadAccessReview';
import {
  accessCsvCells,
  AccessFilters,
  AccessRow,
  filterAccessRows,
  NO_ACCESS_FILTERS,
} from './model/accessRows';

const CSV_HEADER = [
  ACCESS_TEXT.columns.account,
  ACCESS_TEXT.columns.accountId,
  ACCESS_TEXT.columns.role,
  ACCESS_TEXT.columns.principal,
  ACCESS_TEXT.columns.principalType,
  ACCESS_TEXT.columns.permissionSet,
  ACCESS_TEXT.columns.members,
  ACCESS_TEXT.columns.flags,
];

/**
 * The access review: groups and users × accounts × IAM Identity Center
 * permission sets, from the catalog (read in pages), flagged where the
 * platform team must act (see `model/accessFlags`); filters and a CSV export
 * of exactly the rows shown.
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
    <Content>
      <ContentHeader
        title={ACCESS_TEXT.title}
        description={ACCESS_TEXT.subtitle}
      >
        <Button
          variant="outlined"
          color="primary"
          startIcon={<GetAppIcon />}
          onClick={() =>
            downloadCsv(
              'aws-access-review.csv',
              toCsv(CSV_HEADER, accessCsvCells(visible)),
            )
          }
          disabled={!visible.length}
        >
          {ACCESS_TEXT.export}
        </Button>
      </ContentHeader>
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
            <Table<AccessRow>
              title={ACCESS_TEXT.summary(visible.length, flagged)}
              options={{
                paging: visible.length > 50,
                pageSize: 50,
                search: false,
                padding: 'dense',
              }}
              columns={accessColumns}
              data={visible}
            />
          </>
        )}
      </AsyncState>
    </Content>
  );
}

import {
  Content,
  ContentHeader,
  Table,
  WarningPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { OwnershipRow } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { awsPlatformTranslationRef } from '../../translation';
import { AsyncState } from '../shared/AsyncState';
import { downloadCsv, toCsv } from './csv';
import { loadOwnershipReview } from './loadOwnershipReview';
import { useOwnershipColumns } from './ownershipColumns';
import { OwnershipFilterBar } from './OwnershipFilterBar';
import {
  filterOwnershipRows,
  NO_FILTERS,
  OwnershipFilters,
  ownershipCsvCells,
} from './ownershipRows';
import { useOwnershipText } from './useOwnershipText';

/**
 * The ownership review: every entity of the suite with its account, owner
 * and how it got that owner (tagged, inherited from its account, or from
 * config), flagged only where someone must act (see `ownershipFlags`);
 * search, filters and a CSV export of exactly the rows shown. The catalog is
 * read in pages.
 * @public
 */
export function OwnershipPage() {
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const text = useOwnershipText();
  const columns = useOwnershipColumns(text);
  const [filters, setFilters] = useState<OwnershipFilters>(NO_FILTERS);

  const {
    value: review,
    loading,
    error,
  } = useAsync(() => loadOwnershipReview(catalogApi), [catalogApi]);
  const rows = review?.rows;

  const visible = useMemo(
    () => filterOwnershipRows(rows ?? [], filters),
    [rows, filters],
  );
  const flagged = visible.filter(row => row.flags.length > 0).length;

  const header = [
    t('ownership.columns.entityRef'),
    t('ownership.columns.entity'),
    t('ownership.columns.type'),
    t('ownership.columns.accountId'),
    t('ownership.columns.account'),
    t('ownership.columns.role'),
    t('ownership.columns.ou'),
    t('ownership.columns.owner'),
    t('ownership.columns.ownerSource'),
    t('ownership.columns.ownership'),
    t('ownership.columns.severity'),
    t('ownership.columns.flags'),
    t('ownership.columns.reasons'),
  ];
  const exportCsv = () =>
    downloadCsv(
      'aws-ownership-review.csv',
      toCsv(header, ownershipCsvCells(visible, text.reasonOf)),
    );

  const body = (
    <AsyncState
      loading={loading}
      error={error}
      empty={!rows?.length}
      emptyTitle={t('ownership.title')}
      emptyDescription={t('ownership.empty')}
    >
      {() => (
        <>
          {review && !review.groupSourcePresent && (
            <WarningPanel
              severity="info"
              title={t('ownership.noGroupSource')}
            />
          )}
          <OwnershipFilterBar
            rows={rows ?? []}
            filters={filters}
            onChange={setFilters}
            text={text}
          />
          <Table<OwnershipRow>
            title={t('ownership.summary', {
              count: visible.length,
              flagged: String(flagged),
            })}
            options={{
              paging: visible.length > 50,
              pageSize: 50,
              // The page's own search box: the count and the CSV follow it.
              search: false,
              padding: 'dense',
            }}
            columns={columns}
            data={visible}
          />
        </>
      )}
    </AsyncState>
  );

  return (
    <Content>
      <ContentHeader
        title={t('ownership.title')}
        description={t('ownership.subtitle')}
      >
        <Button
          variant="outlined"
          color="primary"
          startIcon={<GetAppIcon />}
          onClick={exportCsv}
          disabled={!visible.length}
        >
          {t('ownership.export')}
        </Button>
      </ContentHeader>
      {body}
    </Content>
  );
}

import { Table, Text, useTable } from '@backstage/ui';
import { AccessRow } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { accessColumns } from './accessColumns';
import { ACCESS_TEXT } from './accessText';
import { AccessFilters, filterAccessRows } from './model/accessRows';
import { sortAccessRows } from './sortAccessRows';

/** Rows per page; fewer rows than this show no pagination. */
const PAGE_SIZE = 50;

/**
 * The review's rows in a `@backstage/ui` Table: filtered as `filters` say
 * (back to the first page when they change), sorted by the column header,
 * paged by 50 when there are more.
 */
export function AccessTable(props: {
  rows: AccessRow[];
  filters: AccessFilters;
  /** How many rows the filters let through. */
  visibleCount: number;
}) {
  const { rows, filters, visibleCount } = props;
  const { tableProps } = useTable<AccessRow, AccessFilters>({
    mode: 'complete',
    data: rows,
    filter: filters,
    filterFn: filterAccessRows,
    sortFn: sortAccessRows,
    paginationOptions: {
      type: visibleCount > PAGE_SIZE ? 'page' : 'none',
      pageSize: PAGE_SIZE,
    },
  });
  return (
    <Table
      {...tableProps}
      columnConfig={accessColumns}
      emptyState={<Text>{ACCESS_TEXT.noMatch}</Text>}
    />
  );
}

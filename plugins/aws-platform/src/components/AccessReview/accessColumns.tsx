import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import { ACCESS_TEXT } from './accessText';
import { AccessRow } from './model/accessRows';

const text = ACCESS_TEXT.columns;

/** The review table's columns: account, role, principal, permission set, members, flags. */
export const accessColumns: TableColumn<AccessRow>[] = [
  {
    title: text.account,
    field: 'accountTitle',
    highlight: true,
    render: row =>
      row.accountRef ? (
        <EntityRefLink entityRef={row.accountRef} title={row.accountTitle} />
      ) : (
        '—'
      ),
  },
  { title: text.role, field: 'accountRole' },
  {
    title: text.principal,
    field: 'principal',
    render: row =>
      row.principal ? <EntityRefLink entityRef={row.principal} /> : '—',
  },
  { title: text.permissionSet, field: 'permissionSet' },
  {
    title: text.members,
    field: 'memberCount',
    render: row => (row.memberCount === undefined ? '—' : row.memberCount),
  },
  {
    title: text.flags,
    field: 'flags',
    cellStyle: { minWidth: 240 },
    render: row => (
      <>
        {row.flags.map(flag => (
          <Chip
            key={flag}
            size="small"
            variant="outlined"
            label={ACCESS_TEXT.flags[flag]}
          />
        ))}
      </>
    ),
  },
];

import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Badge, Cell, CellText, ColumnConfig, Flex } from '@backstage/ui';
import { AccessRow } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { ACCESS_TEXT } from './accessText';
import { AccessColumnId } from './sortAccessRows';

const text = ACCESS_TEXT.columns;
const NONE = '—';

function entityCell(entityRef: string | undefined, title?: string) {
  return entityRef ? (
    <Cell>
      <EntityRefLink entityRef={entityRef} title={title} />
    </Cell>
  ) : (
    <CellText title={NONE} />
  );
}

function flagsCell(row: AccessRow) {
  return (
    <Cell>
      <Flex gap="1" style={{ flexWrap: 'wrap' }}>
        {row.flags.map(flag => (
          <Badge key={flag}>{ACCESS_TEXT.flags[flag]}</Badge>
        ))}
      </Flex>
    </Cell>
  );
}

type AccessColumn = ColumnConfig<AccessRow> & { id: AccessColumnId };

/**
 * The review table's columns (`@backstage/ui` Table): account, role,
 * principal, permission set, members, flags; each sortable.
 */
export const accessColumns: readonly AccessColumn[] = [
  {
    id: 'account',
    label: text.account,
    isRowHeader: true,
    isSortable: true,
    cell: row => entityCell(row.accountRef, row.accountTitle),
  },
  {
    id: 'role',
    label: text.role,
    isSortable: true,
    cell: row => <CellText title={row.accountRole ?? NONE} />,
  },
  {
    id: 'principal',
    label: text.principal,
    isSortable: true,
    cell: row => entityCell(row.principal),
  },
  {
    id: 'permissionSet',
    label: text.permissionSet,
    isSortable: true,
    cell: row => <CellText title={row.permissionSet} />,
  },
  {
    id: 'members',
    label: text.members,
    isSortable: true,
    cell: row => <CellText title={String(row.memberCount ?? NONE)} />,
  },
  {
    id: 'flags',
    label: text.flags,
    isSortable: true,
    cell: flagsCell,
  },
];

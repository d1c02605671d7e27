import { TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OwnershipRow } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { awsPlatformTranslationRef } from '../../translation';
import { BreakableName } from '../shared/BreakableName';
import { NO_WRAP } from '../shared/noWrap';
import { FlagList } from './FlagList';
import { OwnershipText } from './useOwnershipText';

/**
 * Cells whose words never break inside: names wrap between words, or after
 * the dots and slashes BreakableName marks, whatever the page around sets.
 */
const WHOLE_WORDS = { overflowWrap: 'normal', wordBreak: 'normal' } as const;

/** The review table's columns: entity, type, account, role, OU, owner, ownership, flags. */
export function useOwnershipColumns(
  text: OwnershipText,
): TableColumn<OwnershipRow>[] {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  return [
    {
      title: t('ownership.columns.entity'),
      field: 'title',
      highlight: true,
      cellStyle: { ...WHOLE_WORDS, minWidth: 140 },
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title}>
          <BreakableName name={row.title} />
        </EntityRefLink>
      ),
    },
    {
      title: t('ownership.columns.type'),
      field: 'type',
      cellStyle: WHOLE_WORDS,
      render: row => text.typeLabel(row.type),
    },
    {
      title: t('ownership.columns.account'),
      field: 'accountTitle',
      cellStyle: WHOLE_WORDS,
      render: row =>
        row.accountRef ? (
          <EntityRefLink entityRef={row.accountRef} title={row.accountTitle} />
        ) : (
          '—'
        ),
    },
    {
      title: t('ownership.columns.role'),
      field: 'roleTitle',
      // Role names are one or two words: never broken inside one.
      cellStyle: NO_WRAP,
    },
    {
      title: t('ownership.columns.ou'),
      field: 'ouPath',
      // Nested OUs wrap between units rather than widen the table.
      cellStyle: WHOLE_WORDS,
      render: row => <BreakableName name={row.ouPath} />,
    },
    {
      title: t('ownership.columns.owner'),
      field: 'owner',
      cellStyle: WHOLE_WORDS,
      render: row =>
        row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          '—'
        ),
    },
    {
      title: t('ownership.columns.ownership'),
      field: 'origin',
      cellStyle: WHOLE_WORDS,
      render: row => text.originLabel(row.origin),
    },
    {
      title: t('ownership.columns.flags'),
      field: 'severity',
      cellStyle: { minWidth: 200 },
      render: row => <FlagList flags={row.flags} text={text} />,
    },
  ];
}

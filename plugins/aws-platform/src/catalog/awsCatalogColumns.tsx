import { RELATION_PART_OF } from '@backstage/catalog-model';
import type { TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CatalogTable, type CatalogTableRow } from '@backstage/plugin-catalog';
import {
  EntityRefLinks,
  getEntityRelations,
  type EntityListContextProps,
} from '@backstage/plugin-catalog-react';
import { AWS_ENTITY_TYPES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { ReactElement } from 'react';
import { awsPlatformTranslationRef } from '../translation';

const SUITE_TYPES: readonly string[] = Object.values(AWS_ENTITY_TYPES);

function ColumnTitle(props: { column: 'type' | 'partOf' }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  return <>{t(`catalogColumns.${props.column}`)}</>;
}

/** A resource's type in words for the suite's types ("EKS cluster"), else as written. */
function ResourceType(props: { type?: string }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { type } = props;
  if (!type) return null;
  return (
    <>
      {SUITE_TYPES.includes(type)
        ? t(`ownership.types.${type as (typeof AWS_ENTITY_TYPES)['account']}`)
        : type}
    </>
  );
}

const column = (
  title: ReactElement,
  rest: Omit<TableColumn<CatalogTableRow>, 'title'>,
): TableColumn<CatalogTableRow> => ({ title, ...rest });

/** The Resource columns: what a reader of the suite's entities needs, roomy. */
function resourceColumns(): TableColumn<CatalogTableRow>[] {
  const { columns } = CatalogTable;
  return [
    {
      ...columns.createNameColumn({ defaultKind: 'resource' }),
      // Names like "production-backup-plan (Production, us-east-1)" must
      // not wrap letter by letter.
      width: '30%',
      cellStyle: { minWidth: 220, wordBreak: 'normal' },
    },
    column(<ColumnTitle column="type" />, {
      field: 'entity.spec.type',
      render: ({ entity }) => (
        <ResourceType type={entity.spec?.type?.toString()} />
      ),
      cellStyle: { minWidth: 120 },
    }),
    column(<ColumnTitle column="partOf" />, {
      render: ({ entity }) => (
        <EntityRefLinks
          entityRefs={getEntityRelations(entity, RELATION_PART_OF)}
          defaultKind="resource"
        />
      ),
      cellStyle: { minWidth: 140 },
    }),
    columns.createOwnerColumn(),
    columns.createMetadataDescriptionColumn(),
  ];
}

/**
 * Columns for the catalog page: Resources get name, type in words ("EKS
 * cluster"), what they are part of (the account or OU, by title), owner and
 * description, without the System, Lifecycle and Tags columns the suite's
 * entities leave empty or fill with their type again; every other kind
 * keeps the catalog's defaults. Pass it as `columns` of the catalog page
 * (`CatalogIndexPage` in either frontend system).
 * @public
 */
export function awsCatalogColumns(
  context: EntityListContextProps,
): TableColumn<CatalogTableRow>[] {
  return context.filters.kind?.value.toLocaleLowerCase('en-US') === 'resource'
    ? resourceColumns()
    : CatalogTable.defaultColumnsFunc(context);
}

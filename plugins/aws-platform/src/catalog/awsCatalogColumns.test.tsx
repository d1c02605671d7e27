import type { TableColumn } from '@backstage/core-components';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  CatalogTable,
  DefaultEntityPresentationApi,
  type CatalogTableRow,
} from '@backstage/plugin-catalog';
import {
  EntityKindFilter,
  entityPresentationApiRef,
  entityRouteRef,
  type EntityListContextProps,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import {
  productionAccount,
  productionCluster,
  suiteEntities,
} from '../__fixtures__/entities';
import { awsCatalogColumns } from './awsCatalogColumns';

// The columns as the catalog table draws them: each cell's render, in a
// test app whose catalog holds the fixtures (the part-of link reads its
// target's title). The page itself is the portal's browser test
// (packages/app/e2e-tests/app.test.ts).

const listing = (kind: string) =>
  ({
    filters: { kind: new EntityKindFilter(kind, kind) },
    entities: [],
    backendEntities: [],
  } as unknown as EntityListContextProps);

const row = (entity: Entity): CatalogTableRow => ({
  entity,
  resolved: {
    name: entity.metadata.name,
    entityRef: `resource:default/${entity.metadata.name}`,
    ownedByRelations: [],
    partOfSystemRelations: [],
  },
});

async function renderRow(
  columns: TableColumn<CatalogTableRow>[],
  entity: Entity,
) {
  // The portal's presentation API: titles read from the catalog.
  const catalogApi = catalogApiMock({ entities: suiteEntities });
  await renderInTestApp(
    <table>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i}>{column.title}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {columns.map((column, i) => (
            <td key={i}>{column.render?.(row(entity), 'row')}</td>
          ))}
        </tr>
      </tbody>
    </table>,
    {
      apis: [
        [
          entityPresentationApiRef,
          DefaultEntityPresentationApi.create({ catalogApi }),
        ],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('awsCatalogColumns', () => {
  it('gives Resources their type in words and what they are part of, by title', async () => {
    const columns = awsCatalogColumns(listing('resource'));
    await renderRow(columns, productionCluster);
    expect(
      screen.getAllByRole('columnheader').map(header => header.textContent),
    ).toEqual(['Name', 'Type', 'Part of', 'Owner', 'Description']);
    expect(screen.getByText('EKS cluster')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', {
        name: productionAccount.metadata.title,
      }),
    ).toHaveAttribute(
      'href',
      `/catalog/default/resource/${productionAccount.metadata.name}`,
    );
  });

  it('keeps a type outside the suite as written', async () => {
    await renderRow(awsCatalogColumns(listing('Resource')), {
      ...productionCluster,
      spec: { ...productionCluster.spec, type: 'database' },
      relations: [],
    });
    expect(screen.getByText('database')).toBeInTheDocument();
  });

  it("leaves every other kind the catalog's own columns", () => {
    const titles = (columns: TableColumn<CatalogTableRow>[]) =>
      columns.map(column => column.title);
    expect(titles(awsCatalogColumns(listing('component')))).toEqual(
      titles(CatalogTable.defaultColumnsFunc(listing('component'))),
    );
  });
});

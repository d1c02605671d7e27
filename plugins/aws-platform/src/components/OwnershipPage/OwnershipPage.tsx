import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  ContentHeader,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { AWS_ENTITY_TYPES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { awsPlatformTranslationRef } from '../../translation';
import { getSuiteEntities } from '../../lib/suiteEntities';
import { AsyncState } from '../shared/AsyncState';
import { downloadCsv, toCsv } from './csv';
import {
  filterOwnershipRows,
  NO_FILTERS,
  optionsOf,
  OwnershipFilters,
  OwnershipRow,
  ownershipCsvCells,
  ownerRefOf,
  toOwnershipRows,
} from './ownershipRows';
import { WarningChips } from '../shared/WarningChips';

type EntityType = (typeof AWS_ENTITY_TYPES)[keyof typeof AWS_ENTITY_TYPES];
const TYPES: readonly string[] = Object.values(AWS_ENTITY_TYPES);
const OWNER_SOURCES = ['tag', 'role', 'default', 'account'] as const;
type OwnerSource = (typeof OWNER_SOURCES)[number];

/**
 * The ownership review: every entity of the suite with its account, owner
 * and where the owner came from, flagged when no owner tag named it or when
 * the owner is not in the catalog; filters and a CSV export.
 * @public
 */
export function OwnershipPage() {
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const [filters, setFilters] = useState<OwnershipFilters>(NO_FILTERS);

  const {
    value: rows,
    loading,
    error,
  } = useAsync(async () => {
    // Only the suite's own entities: a look-alike registered by hand must
    // not be reviewed (or exported) as if the suite had ingested it.
    const suite = await getSuiteEntities(catalogApi, {
      filter: { kind: 'Resource' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'metadata.annotations',
        'metadata.labels',
        'spec.type',
        'spec.owner',
      ],
    });
    // One query for every distinct owner: the ones that come back exist.
    const owners = [...new Set(suite.map(ownerRefOf))].filter(Boolean);
    const existing = new Set<string>();
    if (owners.length > 0) {
      const found = await catalogApi.getEntitiesByRefs({
        entityRefs: owners,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      });
      for (const owner of found.items) {
        if (owner) existing.add(stringifyEntityRef(owner));
      }
    }
    return toOwnershipRows(suite, existing);
  }, [catalogApi]);

  const visible = useMemo(
    () => filterOwnershipRows(rows ?? [], filters),
    [rows, filters],
  );

  const typeLabel = (type: string) =>
    TYPES.includes(type) ? t(`ownership.types.${type as EntityType}`) : type;
  const sourceLabel = (source: string) =>
    (OWNER_SOURCES as readonly string[]).includes(source)
      ? t(`ownership.ownerSources.${source as OwnerSource}`)
      : t('ownership.ownerSources.unknown');

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
    t('ownership.columns.flags'),
  ];
  const exportCsv = () =>
    downloadCsv(
      'aws-ownership-review.csv',
      toCsv(header, ownershipCsvCells(visible)),
    );

  const columns: TableColumn<OwnershipRow>[] = [
    {
      title: t('ownership.columns.entity'),
      field: 'title',
      highlight: true,
      cellStyle: { minWidth: 200 },
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
    },
    {
      title: t('ownership.columns.type'),
      field: 'type',
      render: row => typeLabel(row.type),
    },
    {
      title: t('ownership.columns.account'),
      field: 'accountTitle',
      render: row =>
        row.accountRef ? (
          <EntityRefLink entityRef={row.accountRef} title={row.accountTitle} />
        ) : (
          '—'
        ),
    },
    { title: t('ownership.columns.role'), field: 'roleTitle' },
    {
      title: t('ownership.columns.ou'),
      field: 'ouPath',
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('ownership.columns.owner'),
      field: 'owner',
      render: row =>
        row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          '—'
        ),
    },
    {
      title: t('ownership.columns.ownerSource'),
      field: 'ownerSource',
      render: row => sourceLabel(row.ownerSource),
    },
    {
      title: t('ownership.columns.flags'),
      render: row => (
        <WarningChips
          labels={row.flags.map(flag => t(`ownership.flags.${flag}`))}
        />
      ),
    },
  ];

  const select = (
    field: 'type' | 'role' | 'ouPath' | 'owner',
    label: string,
    optionLabel: (value: string) => string,
  ) => (
    <Grid item xs={12} sm={6} md={3}>
      <TextField
        select
        fullWidth
        variant="outlined"
        size="small"
        label={label}
        value={filters[field]}
        onChange={event =>
          setFilters({ ...filters, [field]: event.target.value })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        id={`aws-platform-ownership-${field}`}
      >
        <option value="">{t('ownership.filters.all')}</option>
        {optionsOf(rows ?? [], field).map(value => (
          <option key={value} value={value}>
            {optionLabel(value)}
          </option>
        ))}
      </TextField>
    </Grid>
  );

  const body = (
    <AsyncState
      loading={loading}
      error={error}
      empty={!rows?.length}
      emptyTitle={t('ownership.title')}
      emptyDescription={t('ownership.empty')}
    >
      {() => {
        if (!rows) return null;
        const roleTitles = new Map(rows.map(row => [row.role, row.roleTitle]));
        return (
          <>
            <Grid
              container
              spacing={2}
              alignItems="center"
              role="group"
              aria-label={t('ownership.filters.label')}
              style={{ marginBottom: 8 }}
            >
              {select('type', t('ownership.filters.type'), typeLabel)}
              {select(
                'role',
                t('ownership.filters.role'),
                role => roleTitles.get(role) ?? role,
              )}
              {select('ouPath', t('ownership.filters.ou'), ou => ou)}
              {select('owner', t('ownership.filters.owner'), owner => owner)}
              <Grid item>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={filters.flaggedOnly}
                      onChange={event =>
                        setFilters({
                          ...filters,
                          flaggedOnly: event.target.checked,
                        })
                      }
                    />
                  }
                  label={t('ownership.filters.flaggedOnly')}
                />
              </Grid>
            </Grid>
            <Table<OwnershipRow>
              title={t('ownership.summary', {
                count: visible.length,
                flagged: String(visible.filter(row => row.flags.length).length),
              })}
              options={{
                paging: visible.length > 50,
                pageSize: 50,
                search: true,
                padding: 'dense',
              }}
              columns={columns}
              data={visible}
            />
          </>
        );
      }}
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

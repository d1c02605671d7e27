import {
  Content,
  ContentHeader,
  LinkButton,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { AWS_ENTITY_TYPES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import Chip from '@material-ui/core/Chip';
import AssignmentIndIcon from '@material-ui/icons/AssignmentInd';
import useAsync from 'react-use/esm/useAsync';
import { getSuiteEntities } from '../../lib/suiteEntities';
import { ownershipRouteRef } from '../../routes';
import { awsPlatformTranslationRef } from '../../translation';
import { AsyncState } from '../shared/AsyncState';
import { AccountRow, toAccountRows } from './accountRows';
import { WarningChips } from '../shared/WarningChips';

/** The organization's accounts, read from the catalog. */
export function AwsAccountsPage() {
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const ownershipLink = useRouteRef(ownershipRouteRef);
  const {
    value: rows,
    loading,
    error,
  } = useAsync(async () => {
    // Only the suite's own accounts, not look-alikes registered by hand.
    const accounts = await getSuiteEntities(catalogApi, {
      filter: { kind: 'Resource', 'spec.type': AWS_ENTITY_TYPES.account },
    });
    return toAccountRows(accounts);
  }, [catalogApi]);

  const columns: TableColumn<AccountRow>[] = [
    {
      title: t('accounts.columns.account'),
      field: 'title',
      highlight: true,
      render: row => (
        <>
          <EntityRefLink entityRef={row.entityRef} title={row.title} />
          {row.status && row.status !== 'ACTIVE' && (
            <Chip
              size="small"
              label={t('accounts.notActive', { status: row.status })}
              style={{ marginLeft: 8 }}
            />
          )}
        </>
      ),
    },
    {
      title: t('accounts.columns.accountId'),
      field: 'accountId',
      cellStyle: { whiteSpace: 'nowrap' },
    },
    {
      title: t('accounts.columns.role'),
      field: 'roleTitle',
      render: row => <Chip size="small" label={row.roleTitle} />,
    },
    { title: t('accounts.columns.ou'), field: 'ouPath' },
    {
      title: t('accounts.columns.owner'),
      field: 'owner',
      render: row => (
        <EntityRefLink entityRef={row.owner} defaultKind="group" />
      ),
    },
    {
      title: t('accounts.columns.holds'),
      cellStyle: { whiteSpace: 'nowrap' },
      render: row =>
        row.summary &&
        row.summary.zones +
          row.summary.clusters +
          row.summary.vaults +
          row.summary.plans >
          0
          ? t('accounts.holds', {
              zones: String(row.summary.zones),
              clusters: String(row.summary.clusters),
              vaults: String(row.summary.vaults),
              plans: String(row.summary.plans),
            })
          : t('accounts.holdsNothing'),
    },
    {
      title: t('accounts.columns.findings'),
      render: row => (
        <WarningChips
          labels={row.findings.map(finding =>
            t(`accounts.findings.${finding}`),
          )}
        />
      ),
    },
  ];

  const body = (
    <AsyncState
      loading={loading}
      error={error}
      empty={!rows?.length}
      emptyTitle={t('accounts.title')}
      emptyDescription={t('accounts.empty')}
    >
      {() => {
        if (!rows) return null;
        return (
          <Table<AccountRow>
            title={t('accounts.summary', {
              accounts: String(rows.length),
              ous: String(new Set(rows.map(r => r.ouPath)).size),
            })}
            options={{
              paging: rows.length > 50,
              pageSize: 50,
              search: true,
              padding: 'dense',
            }}
            columns={columns}
            data={rows}
          />
        );
      }}
    </AsyncState>
  );

  return (
    <Content>
      <ContentHeader
        title={t('accounts.title')}
        description={t('accounts.subtitle')}
      >
        {ownershipLink && (
          <LinkButton
            // It navigates: a link, not the button role MUI gives it.
            role="link"
            to={ownershipLink()}
            variant="outlined"
            color="primary"
            startIcon={<AssignmentIndIcon />}
          >
            {t('accounts.ownershipLink')}
          </LinkButton>
        )}
      </ContentHeader>
      {body}
    </Content>
  );
}

import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import {
  backupAccount,
  PRODUCTION,
  productionAccount,
  productionPlan,
  SANDBOX,
  storefrontComponent,
  suiteEntities,
} from '../../__fixtures__/entities';
import {
  liveApiMock,
  liveVaultActivity,
} from '../../api/__fixtures__/liveAnswers';
import { AwsServiceCard } from './AwsServiceCard';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function renderCard(
  entity: Entity,
  options: {
    entities?: Entity[];
    live?: Parameters<typeof liveApiMock>[0];
  } = {},
) {
  const catalogApi = catalogApiMock({
    entities: options.entities ?? suiteEntities,
  });
  jest.spyOn(catalogApi, 'getEntitiesByRefs');
  jest.spyOn(catalogApi, 'getEntities');
  const live = liveApiMock(options.live);
  const rendered = renderInTestApp(
    <EntityProvider entity={entity}>
      <AwsServiceCard />
    </EntityProvider>,
    { mountedRoutes, apis: [catalogApi, live] },
  );
  return { rendered, catalogApi, liveApi: live[1] };
}

/** The stage's section, by its name. */
const stage = (name: string) =>
  screen.getByRole('region', { name: `${name} stage` });

/** The value of a stage's field (the `dd` after the `dt` with that label). */
function stageField(section: HTMLElement, label: string): string | undefined {
  const term = within(section)
    .getAllByRole('term')
    .find(dt => dt.textContent === label);
  return term?.nextElementSibling?.textContent ?? undefined;
}

const withoutDependencies = (entity: Entity, names: string[]): Entity => ({
  ...entity,
  spec: {
    ...entity.spec,
    dependsOn: (entity.spec?.dependsOn as string[]).filter(
      dependency => !names.some(name => dependency.endsWith(name)),
    ),
  },
  relations: entity.relations?.filter(
    relation => !names.some(name => relation.targetRef.endsWith(name)),
  ),
});

describe('AwsServiceCard', () => {
  it('summarises a two-stage service per account, reading the catalog in two requests', async () => {
    const { catalogApi, liveApi } = renderCard(storefrontComponent, {
      live: { getBackupActivity: jest.fn(async () => liveVaultActivity) },
    });

    expect(
      await screen.findByText('2 stages · 2 EKS clusters · 2 DNS zones'),
    ).toBeInTheDocument();
    expect(screen.getByText('Where it runs in AWS')).toBeInTheDocument();

    // The stages in the order of spec.dependsOn, named by the service's
    // links to their hosts.
    const sections = screen.getAllByRole('region', { name: /stage$/ });
    expect(sections.map(section => section.getAttribute('aria-label'))).toEqual(
      ['Staging stage', 'Production stage'],
    );

    const staging = stage('Staging');
    expect(stageField(staging, 'AWS account')).toBe(
      `Sandbox (${SANDBOX}), owned by platform-team`,
    );
    expect(
      within(staging).getByRole('link', { name: `Sandbox (${SANDBOX})` }),
    ).toHaveAttribute('href', `/catalog/default/resource/account-${SANDBOX}`);
    expect(stageField(staging, 'EKS cluster')).toBe(
      'acme-sandbox-v1 · Kubernetes 1.28 · Past support',
    );
    expect(stageField(staging, 'Host')).toBe('storefront.sandbox.example.com');
    expect(
      within(staging).getByRole('link', {
        name: 'storefront.sandbox.example.com',
      }),
    ).toHaveAttribute('href', 'https://storefront.sandbox.example.com');
    expect(stageField(staging, 'DNS zone')).toBe(
      'sandbox.example.com · Drift' +
        "example.com's NS record does not match the zone's name servers, so some lookups of its hosts fail",
    );
    expect(stageField(staging, 'Backup')).toBe('Not backed up');

    const production = stage('Production');
    expect(stageField(production, 'AWS account')).toBe(
      `Production (${PRODUCTION}), owned by platform-team`,
    );
    expect(stageField(production, 'EKS cluster')).toBe(
      'acme-production-v1 · Kubernetes 1.33 · Standard support',
    );
    expect(stageField(production, 'Host')).toBe(
      'storefront.production.example.com',
    );
    expect(stageField(production, 'DNS zone')).toBe(
      'production.example.com · In sync' + 'example.com delegates it correctly',
    );
    // The account's plan, found by account id, with the newest recovery
    // point of its vault read live.
    expect(
      await within(production).findByText(
        'Backed up daily, copied to the Backup account, last recovery point 2026-11-24 02:00 UTC',
      ),
    ).toBeInTheDocument();
    expect(liveApi.getBackupActivity).toHaveBeenCalledTimes(1);
    expect(liveApi.getBackupActivity).toHaveBeenCalledWith(
      `resource:default/user-backup-vault-${PRODUCTION}-us-east-1`,
    );

    expect(screen.getByText(/^Owner:/)).toHaveTextContent(
      'Owner: app-developers',
    );
    expect(catalogApi.getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(catalogApi.getEntitiesByRefs).toHaveBeenCalledWith({
      entityRefs: storefrontComponent.spec!.dependsOn,
    });
    expect(catalogApi.getEntities).toHaveBeenCalledTimes(1);
  });

  it('says "Not backed up" for a service whose account has no backup plan, in the singular', async () => {
    const { liveApi } = renderCard(
      withoutDependencies(storefrontComponent, [
        `account-${PRODUCTION}`,
        `acme-production-v1-${PRODUCTION}-us-east-1`,
        'production-example-com-11521a6f',
      ]),
    );

    expect(
      await screen.findByText('1 stage · 1 EKS cluster · 1 DNS zone'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('region', { name: /stage$/ })).toHaveLength(1);
    expect(stageField(stage('Staging'), 'Backup')).toBe('Not backed up');
    // No plan, so no vault to read recovery points from.
    expect(liveApi.getBackupActivity).not.toHaveBeenCalled();
  });

  it('lists a dependency the catalog lacks and shows the rest', async () => {
    const gone = `resource:default/acme-production-v2-${PRODUCTION}-us-east-1`;
    renderCard({
      ...storefrontComponent,
      spec: {
        ...storefrontComponent.spec,
        dependsOn: [
          `resource:default/account-${PRODUCTION}`,
          gone,
          'resource:default/production-example-com-11521a6f',
        ],
      },
      relations: [],
    });

    const alert = await screen.findByText('1 dependency is not in the catalog');
    expect(alert).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Dependencies not in the catalog' }),
    ).toHaveTextContent(gone);
    const production = stage('Production');
    expect(stageField(production, 'AWS account')).toMatch(
      new RegExp(`^Production \\(${PRODUCTION}\\)`),
    );
    expect(stageField(production, 'EKS cluster')).toBe(
      'No EKS cluster among its dependencies',
    );
    expect(stageField(production, 'DNS zone')).toMatch(
      /^production\.example\.com · In sync/,
    );
  });

  it('tells what the plans show when the selections could not be read, as on the local emulator', async () => {
    const unknownCoverage: Entity = {
      ...productionAccount,
      metadata: {
        ...productionAccount.metadata,
        annotations: {
          ...productionAccount.metadata.annotations,
          'aws-platform-suite.github.io/backup-coverage': 'unknown',
        },
      },
    };
    const planWithoutSelections: Entity = {
      ...productionPlan,
      spec: {
        ...productionPlan.spec,
        plan: {
          ...(productionPlan.spec!.plan as object),
          selections: undefined,
        },
      },
    };
    renderCard(storefrontComponent, {
      entities: [
        ...suiteEntities.filter(
          e => e !== productionAccount && e !== productionPlan,
        ),
        unknownCoverage,
        planWithoutSelections,
      ],
      // The live status may not be read: the line ends with the catalog's.
      live: {
        getBackupActivity: jest.fn(async () => {
          throw new Error('forbidden');
        }),
      },
    });

    const production = await screen.findByRole('region', {
      name: 'Production stage',
    });
    // It copies into the account the catalog labels as the Backup account.
    expect(backupAccount.metadata.labels).toMatchObject({
      'aws-platform-suite.github.io/account-role': 'backup',
    });
    expect(stageField(production, 'Backup')).toBe(
      'Backed up daily, copied to the Backup account' +
        'Which resources the plans select could not be read, so whether they include this service is not known.',
    );
  });

  it('shows nothing on a component whose dependencies are not the suite’s', async () => {
    const database: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'billing-db', namespace: 'default' },
      spec: { type: 'database', owner: 'group:default/app-developers' },
    };
    const { rendered, catalogApi } = renderCard(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'billing', namespace: 'default' },
        spec: {
          type: 'service',
          owner: 'group:default/app-developers',
          dependsOn: ['resource:default/billing-db'],
        },
      },
      { entities: [...suiteEntities, database] },
    );
    await rendered;
    await waitFor(() =>
      expect(catalogApi.getEntitiesByRefs).toHaveBeenCalledTimes(1),
    );
    await waitFor(() =>
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument(),
    );
    expect(screen.queryByText('Where it runs in AWS')).not.toBeInTheDocument();
    // Nothing of the suite among the dependencies: no second request.
    expect(catalogApi.getEntities).not.toHaveBeenCalled();
  });
});

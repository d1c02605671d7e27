import { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import {
  platformTeam,
  productionAccount,
  productionCluster,
  productionPlan,
  productionVault,
  sandboxZone,
  storefrontComponent,
  suiteEntities,
} from './__fixtures__/entities';
import { liveApiMock } from './api/__fixtures__/liveAnswers';
import { awsPlatformPlugin } from './plugin';

const CARD_TITLES = [
  'AWS account',
  'EKS cluster',
  'Route 53 hosted zone',
  'AWS Backup vault',
  'AWS Backup plan',
  'Where it runs in AWS',
];

function renderEntityPage(entity: Entity) {
  return renderTestApp({
    extensions: [
      createTestEntityPage({ entity }),
      awsPlatformPlugin.getExtension('entity-card:aws-platform/account'),
      awsPlatformPlugin.getExtension('entity-card:aws-platform/eks-cluster'),
      awsPlatformPlugin.getExtension('entity-card:aws-platform/dns-zone'),
      awsPlatformPlugin.getExtension('entity-card:aws-platform/backup'),
      awsPlatformPlugin.getExtension('entity-card:aws-platform/service'),
    ],
    apis: [
      catalogApiMock({ entities: [...suiteEntities, platformTeam] }),
      liveApiMock(),
    ],
  });
}

// The first render loads the app's lazy extensions, which takes over a
// second on a busy machine: more than findBy's default wait.
const FIRST_RENDER = { timeout: 10_000 };

describe('awsPlatformPlugin API', () => {
  it('provides the backend client for the cards’ live sections', () => {
    expect(awsPlatformPlugin.getExtension('api:aws-platform')).toBeDefined();
  });
});

describe('awsPlatformPlugin entity cards', () => {
  it.each([
    ['an account', productionAccount, 'AWS account'],
    ['a cluster', productionCluster, 'EKS cluster'],
    ['a zone', sandboxZone, 'Route 53 hosted zone'],
    ['a vault', productionVault, 'AWS Backup vault'],
    ['a plan', productionPlan, 'AWS Backup plan'],
    [
      'a service depending on them',
      storefrontComponent,
      'Where it runs in AWS',
    ],
  ])('shows only the card that fits %s', async (_, entity, title) => {
    renderEntityPage(entity);
    expect(
      await screen.findByText(title, undefined, FIRST_RENDER),
    ).toBeInTheDocument();
    for (const other of CARD_TITLES.filter(t => t !== title)) {
      expect(screen.queryByText(other)).not.toBeInTheDocument();
    }
  });

  it('shows no card on entities outside the suite', async () => {
    renderEntityPage({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'storefront' },
      spec: { type: 'service', owner: 'group:default/platform-team' },
    });
    expect(
      await screen.findByTestId('empty-entity-page', undefined, FIRST_RENDER),
    ).toBeInTheDocument();
  });

  it('shows no cluster card on a kubernetes-cluster the suite did not ingest', async () => {
    renderEntityPage({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'on-prem' },
      spec: { type: 'kubernetes-cluster', owner: 'group:default/x' },
    });
    expect(
      await screen.findByTestId('empty-entity-page', undefined, FIRST_RENDER),
    ).toBeInTheDocument();
  });
});

import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import {
  analyticsCluster,
  productionCluster,
  sandboxCluster,
} from '../../__fixtures__/entities';
import { fieldValue } from '../../__fixtures__/fields';
import { liveApiMock } from '../../api/__fixtures__/liveAnswers';
import { EksClusterCard } from './EksClusterCard';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function renderCard(entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EksClusterCard />
    </EntityProvider>,
    { mountedRoutes, apis: [liveApiMock()] },
  );
}

describe('EksClusterCard', () => {
  it('shows a supported Flightdeck cluster with its node groups and add-ons', async () => {
    await renderCard(productionCluster);

    expect(await screen.findByText('EKS cluster')).toBeInTheDocument();
    expect(fieldValue('Kubernetes version')).toBe('1.33 Standard support');
    expect(fieldValue('End of standard support')).toBe('2026-07-29');
    expect(fieldValue('End of extended support')).toBe('2027-07-29');
    expect(fieldValue('Platform version')).toBe('eks.12');
    expect(fieldValue('Status')).toBe('ACTIVE');
    expect(fieldValue('Flightdeck')).toBe(
      'Flightdeck · stage production · generation v1',
    );
    expect(screen.queryByText(/past EKS support/)).not.toBeInTheDocument();

    const nodegroups = screen.getByRole('table', {
      name: 'Managed node groups',
    });
    const [, row] = within(nodegroups).getAllByRole('row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      'acme-production-v1-general-us-east-1a',
      'm6i.large, m5.large',
      '2 (1–3)',
      '1.33',
      'ACTIVE',
    ]);

    const addons = screen.getByRole('list', { name: 'Add-ons' });
    expect(
      within(addons)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'coredns v1.12.1-eksbuild.2 (ACTIVE)',
      'vpc-cni v1.19.5-eksbuild.1 (ACTIVE)',
    ]);
    expect(
      screen.getByRole('link', { name: /Cluster in the EKS console/ }),
    ).toHaveAttribute(
      'href',
      'https://us-east-1.console.aws.amazon.com/eks/home?region=us-east-1#/clusters/acme-production-v1',
    );
  });

  it('warns about a version past support and says what is unknown', async () => {
    await renderCard(sandboxCluster);

    expect(await screen.findByText('Past support')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Error: Kubernetes 1.28 is past EKS support',
    );
    expect(
      screen.getByText(/Extended support for this version ended on 2025-11-26/),
    ).toBeInTheDocument();
    expect(screen.getByText('No managed node groups.')).toBeInTheDocument();
    expect(
      screen.getByText(/Unknown: the add-on API could not be read/),
    ).toBeInTheDocument();
  });

  it('tells extended support, "not Flightdeck" and no add-ons apart', async () => {
    await renderCard(analyticsCluster);

    expect(await screen.findByText('Extended support')).toBeInTheDocument();
    expect(
      screen.getByText(
        /AWS bills extended support per cluster hour until 2026-11-26/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Not Flightdeck')).toBeInTheDocument();
    expect(screen.getByText('No EKS add-ons installed.')).toBeInTheDocument();
  });

  it('says "unknown" when Flightdeck could not be checked', async () => {
    const { flightdeck: _unread, ...cluster } = sandboxCluster.spec!
      .cluster as NonNullable<Entity['spec']>;
    const annotations = { ...sandboxCluster.metadata.annotations };
    delete annotations['aws-platform-suite.github.io/flightdeck'];
    await renderCard({
      ...sandboxCluster,
      metadata: { ...sandboxCluster.metadata, annotations },
      spec: { ...sandboxCluster.spec, cluster },
    });
    expect(
      await screen.findByText(/Unknown: its SSM parameters could not be read/),
    ).toBeInTheDocument();
  });

  it('explains an entity without spec.cluster', async () => {
    await renderCard({
      ...productionCluster,
      spec: { type: 'kubernetes-cluster', owner: 'group:default/x' },
    });
    expect(
      await screen.findByText(/This entity has no spec.cluster/),
    ).toBeInTheDocument();
  });
});

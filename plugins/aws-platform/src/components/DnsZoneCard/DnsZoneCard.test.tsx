import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import {
  productionZone,
  rootZone,
  sandboxZone,
} from '../../__fixtures__/entities';
import { fieldValue } from '../../__fixtures__/fields';
import { liveApiMock } from '../../api/__fixtures__/liveAnswers';
import { DnsZoneCard } from './DnsZoneCard';

type JsonObject = NonNullable<Entity['spec']>;

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function renderCard(entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <DnsZoneCard />
    </EntityProvider>,
    { mountedRoutes, apis: [liveApiMock()] },
  );
}

function withZone(entity: Entity, zone: JsonObject): Entity {
  return {
    ...entity,
    spec: {
      ...entity.spec,
      zone: { ...(entity.spec!.zone as JsonObject), ...zone },
    },
  };
}

describe('DnsZoneCard', () => {
  it('shows a zone whose parent delegates to it correctly', async () => {
    await renderCard(productionZone);

    expect(await screen.findByText('Route 53 hosted zone')).toBeInTheDocument();
    expect(fieldValue('Name')).toBe('production.example.com');
    expect(fieldValue('Visibility')).toBe('Public');
    expect(fieldValue('Records')).toBe('4');
    expect(
      within(screen.getByRole('list', { name: 'Name servers' }))
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['ns-1601.awsdns-08.co.uk', 'ns-77.awsdns-09.com']);
    expect(screen.getByRole('link', { name: /example\.com/ })).toHaveAttribute(
      'href',
      '/catalog/default/resource/example-com-2dc179b2',
    );
    expect(screen.getByText('In sync')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The NS record for production.example.com in example.com lists exactly the name servers of this zone.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Hosted zone in the Route 53 console/ }),
    ).toBeInTheDocument();
  });

  it('explains drift with the name servers to add and to remove', async () => {
    await renderCard(sandboxZone);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Error: Delegation drift between example.com and sandbox.example.com',
    );
    expect(alert).toHaveTextContent(
      "The NS record for sandbox.example.com in example.com does not match this zone's name servers.",
    );
    expect(
      within(
        screen.getByRole('list', { name: 'Name servers to add to the parent' }),
      ).getByText('ns-622.awsdns-14.net'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', {
          name: 'Name servers to remove from the parent',
        }),
      ).getByText('ns-9999.awsdns-99.net'),
    ).toBeInTheDocument();
    expect(screen.getByText('Drift')).toBeInTheDocument();
  });

  it('lists the NS record to add when the parent does not delegate', async () => {
    await renderCard(
      withZone(sandboxZone, {
        delegation: {
          parentZone: 'resource:default/example-com-2dc179b2',
          parentZoneName: 'example.com',
          status: 'not-delegated',
          missing: ['ns-1702.awsdns-20.co.uk', 'ns-300.awsdns-37.com'],
          extra: [],
        },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'sandbox.example.com is not delegated from example.com',
    );
    expect(
      within(
        screen.getByRole('list', { name: 'Name servers to add to the parent' }),
      )
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual(['ns-1702.awsdns-20.co.uk', 'ns-300.awsdns-37.com']);
  });

  it('expects no delegation for a private zone', async () => {
    await renderCard(
      withZone(productionZone, {
        private: true,
        delegation: { status: 'not-delegated', missing: [], extra: [] },
      }),
    );
    expect(await screen.findByText('Private')).toBeInTheDocument();
    expect(
      screen.getByText(/Private zones are answered inside their VPCs/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when no zone of the organization is the parent, or when it is unknown', async () => {
    const { unmount } = await renderCard(rootZone);
    expect(await screen.findByText('No parent zone')).toBeInTheDocument();
    expect(fieldValue('Parent zone')).toBe('None in the organization');
    expect(screen.getByText(/delegated elsewhere/)).toBeInTheDocument();
    unmount();

    await renderCard(
      withZone(rootZone, {
        delegation: { status: 'unknown', missing: [], extra: [] },
      }),
    );
    expect(
      await screen.findByText(/The delegation could not be checked/),
    ).toBeInTheDocument();
  });

  it('explains an entity without spec.zone', async () => {
    await renderCard({ ...rootZone, spec: { type: 'dns-zone' } });
    expect(
      await screen.findByText(/This entity has no spec.zone/),
    ).toBeInTheDocument();
  });
});

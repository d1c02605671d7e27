import type { Entity } from '@backstage/catalog-model';
import { matches, RecordingCatalog } from './recordingCatalog.ts';

const zone = (title: string, status: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: title.replace(/\./g, '-'), title },
  spec: { type: 'dns-zone', zone: { name: title, delegation: { status } } },
});

describe('RecordingCatalog', () => {
  it('matches an entity by type, title and what its JSON holds', () => {
    const match = {
      type: 'dns-zone',
      title: 'a.example.com',
      includes: ['"in-sync"'],
    };
    expect(matches(zone('a.example.com', 'in-sync'), match)).toBe(true);
    expect(matches(zone('a.example.com', 'not-delegated'), match)).toBe(false);
    expect(matches(zone('b.example.com', 'in-sync'), match)).toBe(false);
    expect(
      matches(zone('a.example.com', 'in-sync'), {
        ...match,
        type: 'aws-account',
      }),
    ).toBe(false);
  });

  it('tells the first mutation that holds an awaited state, once', async () => {
    const seen: string[] = [];
    const catalog = new RecordingCatalog((id, _at, mutation) =>
      seen.push(`${id} ${mutation}`),
    );
    catalog.expect('z', {
      type: 'dns-zone',
      title: 'a.example.com',
      includes: ['"in-sync"'],
    });
    await catalog.applyDelta([zone('a.example.com', 'not-delegated')], []);
    expect(seen).toEqual([]);
    await catalog.applyDelta([zone('a.example.com', 'in-sync')], []);
    catalog.applyFull([zone('a.example.com', 'in-sync')]);
    expect(seen).toEqual(['z delta']);
    expect(catalog.all()).toHaveLength(1);
  });
});

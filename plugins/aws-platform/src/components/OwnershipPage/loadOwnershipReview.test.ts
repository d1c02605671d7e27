import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  ACCOUNTS,
  reviewEstate,
  reviewGroups,
  SEEDED_PROBLEMS,
} from './__fixtures__/reviewEstate';
import {
  existingOwnersOf,
  loadOwnershipReview,
  OWNER_BATCH,
  readSuiteResources,
} from './loadOwnershipReview';

describe('readSuiteResources', () => {
  it('reads the catalog in pages with a cursor, never in one request', async () => {
    const entities = reviewEstate();
    const catalogApi = catalogApiMock({
      entities: [...entities, ...reviewGroups()],
    });
    const queryEntities = jest.spyOn(catalogApi, 'queryEntities');
    const getEntities = jest.spyOn(catalogApi, 'getEntities');

    const read = await readSuiteResources(catalogApi, 25);

    expect(read).toHaveLength(entities.length);
    expect(getEntities).not.toHaveBeenCalled();
    // 126 suite entities, 25 a page: 6 pages, each asking for 25.
    expect(queryEntities).toHaveBeenCalledTimes(
      Math.ceil(entities.length / 25),
    );
    for (const [request] of queryEntities.mock.calls) {
      expect(request).toMatchObject({ limit: 25 });
    }
    expect(queryEntities.mock.calls[1][0]).toHaveProperty('cursor');
    // Groups are not read as suite entities.
    expect(read.every(e => e.kind === 'Resource')).toBe(true);
  });
});

describe('existingOwnersOf', () => {
  it('checks owners in batches and returns those the catalog holds', async () => {
    const catalogApi = catalogApiMock({ entities: reviewGroups() });
    const getEntitiesByRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');
    const owners = [
      'group:default/team-1',
      ...Array.from({ length: OWNER_BATCH }, (_, i) => `group:default/x-${i}`),
      'group:default/platform-team',
    ];
    const found = await existingOwnersOf(catalogApi, owners);
    expect([...found].sort()).toEqual([
      'group:default/platform-team',
      'group:default/team-1',
    ]);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
  });
});

describe('loadOwnershipReview', () => {
  it('flags exactly the seeded problems of an estate where most owners resolve', async () => {
    const catalogApi = catalogApiMock({
      entities: [...reviewEstate(), ...reviewGroups()],
    });
    const review = await loadOwnershipReview(catalogApi, 50);
    expect(review.groupSourcePresent).toBe(true);
    expect(review.rows).toHaveLength(6 + ACCOUNTS * 5);
    const flagged = review.rows.filter(row => row.flags.length > 0);
    expect(flagged.map(row => row.entityRef).sort()).toEqual(
      SEEDED_PROBLEMS.map(p => p.ref).sort(),
    );
  });

  it('does not check owners when the only group is the default owner', async () => {
    const platformOnly = reviewGroups().filter(
      g => g.metadata.name === 'platform-team',
    );
    const catalogApi = catalogApiMock({
      entities: [...reviewEstate(), ...platformOnly],
    });
    const review = await loadOwnershipReview(catalogApi);
    expect(review.groupSourcePresent).toBe(false);
    expect(
      review.rows.flatMap(row => row.flags).map(flag => flag.kind),
    ).not.toContain('owner-not-found');
  });
});

import { checkRemoval } from './removalGuard';

describe('checkRemoval', () => {
  it('allows growth, a first run and removals within the share', () => {
    expect(checkRemoval(0, 100, 0.25).allowed).toBe(true);
    expect(checkRemoval(100, 120, 0.25).allowed).toBe(true);
    expect(checkRemoval(100, 75, 0.25).allowed).toBe(true);
  });

  it('refuses a run that removes more than the share, saying how many', () => {
    const decision = checkRemoval(100, 74, 0.25);
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringContaining('remove 26 of 100 entities (26%)'),
    });
    expect(checkRemoval(40, 0, 0.25).allowed).toBe(false);
  });
});

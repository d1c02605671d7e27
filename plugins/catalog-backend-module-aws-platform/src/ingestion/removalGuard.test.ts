import { checkRemoval, LastAppliedRun } from './removalGuard';

const ORG = 'o-aaaaaaaaaa';
const OTHER_ORG = 'o-bbbbbbbbbb';
const refs = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `resource:default/${prefix}-${i}`);
const last = (
  entityRefs: string[],
  organizationIds = [ORG],
): LastAppliedRun => ({ organizationIds, refs: new Set(entityRefs) });
const policy = { maxRemovalShare: 0.25 };

describe('checkRemoval', () => {
  it('allows a first run, growth and removals within the share', () => {
    expect(
      checkRemoval(
        last([], []),
        { organizationId: ORG, refs: refs('a', 100) },
        policy,
      ).allowed,
    ).toBe(true);
    expect(
      checkRemoval(
        last(refs('a', 100)),
        { organizationId: ORG, refs: [...refs('a', 100), ...refs('b', 20)] },
        policy,
      ).allowed,
    ).toBe(true);
    expect(
      checkRemoval(
        last(refs('a', 100)),
        { organizationId: ORG, refs: refs('a', 75) },
        policy,
      ),
    ).toEqual({ allowed: true, removed: 25 });
  });

  it('refuses a run that removes more than the share, saying how many', () => {
    expect(
      checkRemoval(
        last(refs('a', 100)),
        { organizationId: ORG, refs: refs('a', 74) },
        policy,
      ),
    ).toEqual({
      allowed: false,
      errorName: 'RemovalRefused',
      reason: expect.stringContaining(
        'remove 26 of the 100 entities of the last applied run (26%',
      ),
    });
  });

  it('counts removed entities, not the net change: dropping 40 and adding 40 is refused', () => {
    const decision = checkRemoval(
      last(refs('a', 100)),
      {
        organizationId: ORG,
        refs: [...refs('a', 100).slice(40), ...refs('b', 40)],
      },
      policy,
    );
    expect(decision).toMatchObject({
      allowed: false,
      errorName: 'RemovalRefused',
      reason: expect.stringContaining(
        'remove 40 of the 100 entities of the last applied run (40%',
      ),
    });
  });

  it('refuses a run of another organization unless config allows the move', () => {
    const moved = { organizationId: OTHER_ORG, refs: refs('b', 100) };
    expect(checkRemoval(last(refs('a', 100)), moved, policy)).toMatchObject({
      allowed: false,
      errorName: 'OrganizationChanged',
      reason: expect.stringContaining(`allowChangeFrom to ${ORG}`),
    });
    // Even when the other organization's run removes nothing by count.
    expect(checkRemoval(last([], [ORG]), moved, policy).allowed).toBe(false);
    expect(
      checkRemoval(last(refs('a', 100)), moved, {
        ...policy,
        allowChangeFrom: ORG,
      }),
    ).toEqual({ allowed: true, removed: 100 });
    expect(
      checkRemoval(last(refs('a', 100)), moved, {
        ...policy,
        allowChangeFrom: 'o-cccccccccc',
      }).allowed,
    ).toBe(false);
  });

  it('does not count an entity renamed for the same AWS resource as removed', () => {
    const old = refs('a', 100);
    const arnOf = new Map(old.map((ref, i) => [ref, `arn:aws:x:::r/${i}`]));
    const renamed = {
      organizationId: ORG,
      refs: refs('b', 100),
      arns: [...arnOf.values()],
    };
    expect(checkRemoval({ ...last(old), arnOf }, renamed, policy)).toEqual({
      allowed: true,
      removed: 0,
    });
    // Without the resources, the same refs are removals.
    expect(
      checkRemoval({ ...last(old), arnOf }, { ...renamed, arns: [] }, policy)
        .allowed,
    ).toBe(false);
  });
});

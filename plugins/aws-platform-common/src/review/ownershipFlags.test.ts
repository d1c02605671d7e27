import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  estateGroups,
  ownershipEstate,
  PLATFORM,
  SEEDED_PROBLEMS,
  TEAM_A,
  TEAM_B,
} from './__fixtures__/ownershipEstate';
import {
  isGroupSourcePresent,
  OwnershipContext,
  ownershipFlags,
  ownershipOrigin,
  topSeverity,
} from './ownershipFlags';
import { toOwnershipRows } from './ownershipRows';

const checked: OwnershipContext = {
  existingOwners: new Set([PLATFORM, TEAM_A, TEAM_B]),
  groupSourcePresent: true,
};
const account = (owner: string, ownerSource: string) => ({
  owner,
  ownerSource,
});

describe('ownershipFlags', () => {
  it('flags nothing on a tagged account whose owner exists', () => {
    const facts = { type: 'aws-account', owner: TEAM_A, ownerSource: 'tag' };
    expect(ownershipFlags(facts, checked)).toEqual([]);
    expect(ownershipOrigin(facts)).toBe('tagged');
  });

  it('shows a resource that takes its account’s owner as inherited, not flagged', () => {
    const facts = {
      type: 'dns-zone',
      owner: TEAM_A,
      ownerSource: 'account',
      account: account(TEAM_A, 'tag'),
    };
    expect(ownershipOrigin(facts)).toBe('inherited');
    expect(ownershipFlags(facts, checked)).toEqual([]);
    // Also under an account that has no tag itself: the account is flagged.
    expect(
      ownershipFlags(
        { ...facts, owner: PLATFORM, account: account(PLATFORM, 'default') },
        checked,
      ),
    ).toEqual([]);
  });

  it('reads an older ingestion’s resource with its account’s owner as inherited', () => {
    const facts = {
      type: 'kubernetes-cluster',
      owner: PLATFORM,
      ownerSource: 'default',
      account: account(PLATFORM, 'default'),
    };
    expect(ownershipOrigin(facts)).toBe('inherited');
    expect(ownershipFlags(facts, checked)).toEqual([]);
  });

  it('flags an account without an owner tag, lower when config chose its owner', () => {
    const byDefault = ownershipFlags(
      { type: 'aws-account', owner: PLATFORM, ownerSource: 'default' },
      checked,
    );
    expect(byDefault).toEqual([
      {
        kind: 'account-not-tagged',
        severity: 'medium',
        owner: PLATFORM,
        source: 'default',
      },
    ]);
    const byRole = ownershipFlags(
      { type: 'aws-account', owner: TEAM_B, ownerSource: 'role' },
      checked,
    );
    expect(byRole.map(f => [f.kind, f.severity])).toEqual([
      ['account-not-tagged', 'low'],
    ]);
    // Not recorded counts as not tagged.
    expect(
      ownershipFlags(
        { type: 'aws-account', owner: TEAM_A, ownerSource: '' },
        checked,
      ).map(f => f.kind),
    ).toEqual(['account-not-tagged']);
  });

  it('does not flag an OU for lacking a tag', () => {
    expect(
      ownershipFlags(
        {
          type: 'aws-organizational-unit',
          owner: PLATFORM,
          ownerSource: 'default',
        },
        checked,
      ),
    ).toEqual([]);
  });

  it('flags an owner that resolves to nothing only once a group source is present', () => {
    const facts = {
      type: 'aws-account',
      owner: 'group:default/nobody',
      ownerSource: 'tag',
    };
    expect(ownershipFlags(facts, checked)).toEqual([
      {
        kind: 'owner-not-found',
        severity: 'high',
        owner: 'group:default/nobody',
      },
    ]);
    expect(
      ownershipFlags(facts, { ...checked, groupSourcePresent: false }),
    ).toEqual([]);
  });

  it('flags an unknown owner where it was set, not on the resources inheriting it', () => {
    const facts = {
      type: 'aws-backup-vault',
      owner: 'group:default/nobody',
      ownerSource: 'account',
      account: account('group:default/nobody', 'tag'),
    };
    expect(ownershipFlags(facts, checked)).toEqual([]);
  });

  it('flags a resource whose own tag contradicts its account’s claimed owner', () => {
    const facts = {
      type: 'kubernetes-cluster',
      owner: TEAM_B,
      ownerSource: 'tag',
      account: account(TEAM_A, 'tag'),
    };
    expect(ownershipFlags(facts, checked)).toEqual([
      {
        kind: 'owner-contradicts-account',
        severity: 'medium',
        owner: TEAM_B,
        accountOwner: TEAM_A,
      },
    ]);
    // The same tag as the account's, or an account nobody claimed: no contradiction.
    expect(
      ownershipFlags({ ...facts, account: account(TEAM_B, 'tag') }, checked),
    ).toEqual([]);
    expect(
      ownershipFlags(
        { ...facts, account: account(PLATFORM, 'default') },
        checked,
      ),
    ).toEqual([]);
  });

  it('orders flags most urgent first and names the top severity', () => {
    const flags = ownershipFlags(
      {
        type: 'dns-zone',
        owner: 'group:default/nobody',
        ownerSource: 'tag',
        account: account(TEAM_A, 'role'),
      },
      checked,
    );
    expect(flags.map(f => f.kind)).toEqual([
      'owner-not-found',
      'owner-contradicts-account',
    ]);
    expect(topSeverity(flags)).toBe('high');
    expect(topSeverity([])).toBeUndefined();
  });
});

describe('isGroupSourcePresent', () => {
  it('needs a group beyond the default owners', () => {
    expect(isGroupSourcePresent([], new Set([PLATFORM]))).toBe(false);
    expect(isGroupSourcePresent([PLATFORM], new Set([PLATFORM]))).toBe(false);
    expect(isGroupSourcePresent([PLATFORM, TEAM_A], new Set([PLATFORM]))).toBe(
      true,
    );
    expect(isGroupSourcePresent([TEAM_A], new Set())).toBe(true);
  });
});

describe('an estate where most owners resolve', () => {
  const entities = ownershipEstate;
  const groups = estateGroups.map(g => stringifyEntityRef(g));
  const rows = toOwnershipRows(entities, {
    existingOwners: new Set(groups),
    groupSourcePresent: isGroupSourcePresent(groups, new Set([PLATFORM])),
  });

  it('flags exactly the seeded problems', () => {
    expect(rows).toHaveLength(entities.length);
    const flagged = rows.filter(row => row.flags.length > 0);
    expect(flagged).toHaveLength(SEEDED_PROBLEMS.length);
    expect(
      flagged.map(row => [row.entityRef, row.flags[0].kind]).sort(),
    ).toEqual(SEEDED_PROBLEMS.map(p => [p.ref, p.kind]).sort());
  });

  it('shows the other resources as inherited', () => {
    const resources = rows.filter(
      row => !['aws-account', 'aws-organizational-unit'].includes(row.type),
    );
    const inherited = resources.filter(row => row.origin === 'inherited');
    // Every resource but the three tagged ones (cluster, zone, vault).
    expect(inherited).toHaveLength(resources.length - 3);
  });

  it('flags no unknown owner when the catalog has no group source', () => {
    const unchecked = toOwnershipRows(entities, {
      existingOwners: new Set([PLATFORM]),
      groupSourcePresent: isGroupSourcePresent([PLATFORM], new Set([PLATFORM])),
    });
    const kinds = unchecked.flatMap(row => row.flags.map(f => f.kind));
    expect(kinds).not.toContain('owner-not-found');
    // The untagged accounts and the contradicting cluster and zone remain.
    expect(unchecked.filter(row => row.flags.length > 0)).toHaveLength(4);
  });
});

import { toAccessRows } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { seededAccess } from './__fixtures__/seededAccess';
import { sortAccessRows } from './sortAccessRows';

const rows = toAccessRows(seededAccess);

describe('sortAccessRows', () => {
  it('sorts by text, numbers and flag count, both ways, on a copy', () => {
    const bySet = sortAccessRows(rows, {
      column: 'permissionSet',
      direction: 'ascending',
    });
    expect(bySet).not.toBe(rows);
    expect(bySet[0].permissionSet).toBe('AdministratorAccess');
    expect(bySet[bySet.length - 1].permissionSet).toBe('ReadOnlyAccess');

    const byMembers = sortAccessRows(rows, {
      column: 'members',
      direction: 'descending',
    }).map(row => row.memberCount ?? -1);
    expect(byMembers).toEqual([...byMembers].sort((a, b) => b - a));

    const byFlags = sortAccessRows(rows, {
      column: 'flags',
      direction: 'descending',
    });
    expect(byFlags[0].flags.length).toBeGreaterThan(0);
    expect(byFlags[byFlags.length - 1].flags).toEqual([]);
  });

  it('keeps the order for a column it does not know', () => {
    expect(
      sortAccessRows(rows, { column: 'nothing', direction: 'ascending' }),
    ).toBe(rows);
  });
});

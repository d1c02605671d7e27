import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  accountNamer,
  describeChangesByAccount,
  groupChangesByAccount,
  inPastTense,
  PAST_TENSE,
} from './changeSummary';

const names = accountNamer([{ accountId: '210987654321', name: 'Sandbox' }], {
  Network: '111122223333',
});

describe('groupChangesByAccount', () => {
  it('groups in plan order and names each account', () => {
    const groups = groupChangesByAccount(
      [
        { accountId: '210987654321', description: 'Create zone a' },
        { accountId: '111122223333', description: 'Create NS record a' },
        { accountId: '210987654321', description: 'Tag zone a' },
        { accountId: '999988887777', description: 'Create role r' },
      ],
      names,
    );
    expect(groups).toEqual([
      {
        accountId: '210987654321',
        accountName: 'Sandbox',
        changes: ['Create zone a', 'Tag zone a'],
      },
      {
        accountId: '111122223333',
        accountName: 'Network',
        changes: ['Create NS record a'],
      },
      {
        accountId: '999988887777',
        accountName: '999988887777',
        changes: ['Create role r'],
      },
    ]);
  });

  it('lets the allowlist name an account the guide names by role', () => {
    const named = accountNamer(
      [{ accountId: '111122223333', name: 'Acme DNS' }],
      { Network: '111122223333' },
    );
    expect(named('111122223333')).toBe('Acme DNS');
  });
});

describe('describeChangesByAccount', () => {
  const groups = groupChangesByAccount(
    [
      { accountId: '210987654321', description: 'Create zone a' },
      { accountId: '111122223333', description: 'Replace NS record a' },
    ],
    names,
  );

  it('writes a heading per account and the planned changes', () => {
    expect(describeChangesByAccount(groups, 'planned')).toBe(
      '**Sandbox (210987654321)**\n\n- Create zone a\n\n**Network (111122223333)**\n\n- Replace NS record a',
    );
  });

  it('puts what was done in the past tense', () => {
    expect(describeChangesByAccount(groups, 'done')).toContain(
      '- Created zone a',
    );
    expect(describeChangesByAccount(groups, 'done')).toContain(
      '- Replaced NS record a',
    );
  });

  it('is empty when nothing changes', () => {
    expect(describeChangesByAccount([], 'done')).toBe('');
  });
});

describe('inPastTense', () => {
  it.each([
    ['Create public hosted zone x', 'Created public hosted zone x'],
    ['Tag the x zone with owner', 'Tagged the x zone with owner'],
    ['Write the inline policy p', 'Wrote the inline policy p'],
    ['Assign resources tagged B=true', 'Assigned resources tagged B=true'],
  ])('%s', (planned, done) => {
    expect(inPastTense(planned)).toBe(done);
  });

  // Every change description in the plans starts with a verb of the table,
  // so no applied run reports a change in the imperative.
  it('knows the first verb of every change description the plans write', () => {
    const verbs = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const [, verb] of text.matchAll(/description: `(\w+)/g)) {
        verbs.add(verb);
      }
      // description: `${current ? 'Replace' : 'Write'} …`
      const choice = /description: `\$\{\w+ \? '(\w+)' : '(\w+)'\}/g;
      for (const [, first, second] of text.matchAll(choice)) {
        verbs.add(first).add(second);
      }
    }
    expect([...verbs].sort()).toEqual(Object.keys(PAST_TENSE).sort());
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /Plan\.ts$/.test(name) ? [path] : [];
  });
}

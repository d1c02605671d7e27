import { asVersion01Tags } from './__testUtils__/version01Tags';
import {
  isMadeBySuite,
  judgeExisting,
  lineageOf,
  MANAGED_BY_VALUE,
  OWNERSHIP_TAG,
  ownershipMarkOf,
  ownershipTags,
} from './ownership';

const requester = { userEntityRef: 'user:default/jane', taskId: 'task-1' };

describe('lineageOf', () => {
  it('is stable whatever the order of the facts', () => {
    expect(lineageOf('aws-platform:x:y', { a: '1', b: '2' })).toBe(
      lineageOf('aws-platform:x:y', { b: '2', a: '1' }),
    );
  });

  it('differs when a fact or the action differs', () => {
    const base = lineageOf('aws-platform:x:y', { app: 'shop', repo: 'a/b' });
    expect(
      lineageOf('aws-platform:x:y', { app: 'shop', repo: 'c/b' }),
    ).not.toBe(base);
    expect(
      lineageOf('aws-platform:x:z', { app: 'shop', repo: 'a/b' }),
    ).not.toBe(base);
  });

  it('cannot be forged by moving a separator between facts', () => {
    expect(lineageOf('aws-platform:x:y', { a: 'b\nc=d' })).not.toBe(
      lineageOf('aws-platform:x:y', { a: 'b', c: 'd' }),
    );
  });
});

describe('judgeExisting', () => {
  const lineage = lineageOf('aws-platform:x:y', { app: 'shop' });

  it('creates what does not exist', () => {
    expect(judgeExisting(undefined, lineage, 'It')).toEqual({ kind: 'create' });
  });

  it('converges what the suite made for the same lineage', () => {
    expect(
      judgeExisting(ownershipTags(lineage, requester), lineage, 'It'),
    ).toEqual({ kind: 'converge' });
  });

  it('refuses what the suite did not make, naming its owner tag', () => {
    const verdict = judgeExisting({ owner: 'team-a' }, lineage, 'The zone x');
    expect(verdict).toEqual({
      kind: 'conflict',
      reason: expect.stringMatching(
        /^The zone x already exists and was not made by the AWS Platform suite \(owner tag: team-a\)/,
      ),
    });
  });

  it('refuses what the suite made for another request, naming who asked', () => {
    const other = ownershipTags(
      lineageOf('aws-platform:x:y', { app: 'other' }),
      {
        userEntityRef: 'user:default/bob',
        taskId: 't2',
      },
    );
    const verdict = judgeExisting(other, lineage, 'The role r');
    expect(verdict.kind).toBe('conflict');
    expect(verdict).toMatchObject({
      reason: expect.stringContaining('user:default/bob'),
    });
  });

  it('refuses a look-alike managed-by value', () => {
    const tags = {
      ...ownershipTags(lineage, requester),
      [OWNERSHIP_TAG.managedBy]: `${MANAGED_BY_VALUE} `,
    };
    expect(judgeExisting(tags, lineage, 'It').kind).toBe('conflict');
  });
});

describe('tags of version 0.1 (aws-platform.io/ keys)', () => {
  const lineage = lineageOf('aws-platform:x:y', { app: 'shop' });
  const v01 = asVersion01Tags(ownershipTags(lineage, requester));

  it('are never written: only the current keys are', () => {
    expect(Object.keys(ownershipTags(lineage, requester)).sort()).toEqual([
      'aws-platform-suite.github.io/created-by',
      'aws-platform-suite.github.io/lineage',
      'aws-platform-suite.github.io/managed-by',
      'aws-platform-suite.github.io/task-id',
    ]);
  });

  it('are the 0.1 keys', () => {
    expect(Object.keys(v01).sort()).toEqual([
      'aws-platform.io/created-by',
      'aws-platform.io/lineage',
      'aws-platform.io/managed-by',
      'aws-platform.io/task-id',
    ]);
  });

  it('prove ownership: what 0.1 made for the same lineage converges', () => {
    expect(judgeExisting(v01, lineage, 'It')).toEqual({ kind: 'converge' });
    expect(isMadeBySuite(v01)).toBe(true);
    expect(ownershipMarkOf(v01)).toEqual({
      managedBy: MANAGED_BY_VALUE,
      lineage,
      createdBy: 'user:default/jane',
      task: 'task-1',
    });
  });

  it('of another lineage conflict, naming who asked', () => {
    const other = asVersion01Tags(
      ownershipTags(lineageOf('aws-platform:x:y', { app: 'other' }), {
        userEntityRef: 'user:default/bob',
        taskId: 't2',
      }),
    );
    expect(judgeExisting(other, lineage, 'The role r')).toEqual({
      kind: 'conflict',
      reason: expect.stringContaining(
        'for another request (created by user:default/bob)',
      ),
    });
  });

  it('do not outweigh a current key that says otherwise', () => {
    // Current lineage of another request, 0.1 lineage of this one.
    const mixed = {
      ...v01,
      [OWNERSHIP_TAG.lineage]: lineageOf('aws-platform:x:y', { app: 'other' }),
    };
    expect(judgeExisting(mixed, lineage, 'It').kind).toBe('conflict');
    // A current managed-by of another value is not replaced by the 0.1 one.
    const notOurs = { ...v01, [OWNERSHIP_TAG.managedBy]: 'terraform' };
    expect(judgeExisting(notOurs, lineage, 'It').kind).toBe('conflict');
  });

  it('refuse a look-alike 0.1 managed-by value', () => {
    const tags = {
      ...v01,
      'aws-platform.io/managed-by': MANAGED_BY_VALUE.toUpperCase(),
    };
    expect(judgeExisting(tags, lineage, 'It').kind).toBe('conflict');
  });
});

import {
  judgeExisting,
  lineageOf,
  MANAGED_BY_VALUE,
  OWNERSHIP_TAG,
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

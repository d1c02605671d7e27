import { judgeExisting, lineageOf } from '../lib/ownership';
import { ownershipFromToken, ownershipToken } from './planOwnershipProof';

const lineage = lineageOf('aws-platform:backup:plan:create', { planName: 'a' });
const other = lineageOf('aws-platform:backup:plan:create', { planName: 'b' });

describe('the CreatorRequestId as proof of ownership', () => {
  it('proves the lineage it was made for, whichever task made it', () => {
    for (const taskId of ['task-1', 'task-2']) {
      const tags = ownershipFromToken(
        ownershipToken(lineage, 'plan', taskId),
        lineage,
      );
      expect(judgeExisting(tags, lineage, 'It')).toEqual({ kind: 'converge' });
    }
  });

  it("marks another lineage's token as the suite's, for another request", () => {
    const tags = ownershipFromToken(
      ownershipToken(other, 'plan', 'task-1'),
      lineage,
    );
    expect(judgeExisting(tags, lineage, 'It')).toMatchObject({
      kind: 'conflict',
      reason: expect.stringContaining('for another request'),
    });
  });

  it.each([undefined, '', 'terraform-1', 'backstage-0123456789abcdef'])(
    'proves nothing with the token %p',
    token => {
      expect(ownershipFromToken(token, lineage)).toEqual({});
      expect(
        judgeExisting(ownershipFromToken(token, lineage), lineage, 'It'),
      ).toMatchObject({
        kind: 'conflict',
        reason: expect.stringContaining('not made by the AWS Platform suite'),
      });
    },
  );

  it('is unique per step and task and fits AWS Backup (1 to 50 of [A-Za-z0-9-_.])', () => {
    const tokens = new Set([
      ownershipToken(lineage, 'plan', 'task-1'),
      ownershipToken(lineage, 'selection', 'task-1'),
      ownershipToken(lineage, 'plan', 'task-2'),
    ]);
    expect(tokens.size).toBe(3);
    tokens.forEach(token => expect(token).toMatch(/^[A-Za-z0-9\-_.]{1,50}$/));
  });
});

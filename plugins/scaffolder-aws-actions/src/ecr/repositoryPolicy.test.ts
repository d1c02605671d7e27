import { ECR_PULL_ACTIONS } from '../iam/iamPolicies';
import { PULL_STATEMENT_SID, pullAccessChange } from './repositoryPolicy';

const SANDBOX = '171870262174';
const PRODUCTION = '715451680876';
const root = (id: string) => `arn:aws:iam::${id}:root`;

// The policy the local estate seeds on acme/storefront.
const seeded = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowWorkloadAccountsToPull',
      Effect: 'Allow',
      Principal: { AWS: [root(PRODUCTION), root(SANDBOX)] },
      Action: ECR_PULL_ACTIONS,
    },
  ],
});

describe('pullAccessChange', () => {
  it('writes its own statement into a repository without a policy', () => {
    expect(pullAccessChange(undefined, [SANDBOX, PRODUCTION], 'aws')).toEqual({
      kind: 'set',
      addedAccounts: [SANDBOX, PRODUCTION],
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: PULL_STATEMENT_SID,
            Effect: 'Allow',
            Principal: { AWS: [root(SANDBOX), root(PRODUCTION)] },
            Action: ECR_PULL_ACTIONS,
          },
        ],
      },
    });
  });

  it('changes nothing when other statements already let the accounts pull', () => {
    expect(pullAccessChange(seeded, [SANDBOX, PRODUCTION], 'aws')).toEqual({
      kind: 'none',
    });
    const wildcard = JSON.stringify({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: SANDBOX }, Action: 'ecr:*' },
      ],
    });
    expect(pullAccessChange(wildcard, [SANDBOX], 'aws').kind).toBe('none');
  });

  it('keeps the statements others wrote and adds only the missing accounts', () => {
    const partial = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Push',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::708053100330:role/ci' },
          Action: ['ecr:PutImage'],
        },
        {
          Sid: PULL_STATEMENT_SID,
          Effect: 'Allow',
          Principal: { AWS: root(SANDBOX) },
          Action: ECR_PULL_ACTIONS,
        },
      ],
    });
    const change = pullAccessChange(partial, [SANDBOX, PRODUCTION], 'aws');
    expect(change).toMatchObject({ kind: 'set', addedAccounts: [PRODUCTION] });
    if (change.kind !== 'set') throw new Error('expected a change');
    expect(change.policy.Statement).toEqual([
      JSON.parse(partial).Statement[0],
      {
        Sid: PULL_STATEMENT_SID,
        Effect: 'Allow',
        Principal: { AWS: [root(SANDBOX), root(PRODUCTION)] },
        Action: ECR_PULL_ACTIONS,
      },
    ]);
  });

  it('does not count conditional or partial grants', () => {
    const limited = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: root(SANDBOX) },
          Action: ECR_PULL_ACTIONS,
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x' } },
        },
        {
          Effect: 'Allow',
          Principal: { AWS: root(PRODUCTION) },
          Action: 'ecr:BatchGetImage',
        },
      ],
    });
    expect(
      pullAccessChange(limited, [SANDBOX, PRODUCTION], 'aws'),
    ).toMatchObject({ kind: 'set', addedAccounts: [SANDBOX, PRODUCTION] });
  });

  it('refuses a policy that denies the accounts or is not JSON', () => {
    const deny = JSON.stringify({
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 'ecr:*' }],
    });
    expect(pullAccessChange(deny, [SANDBOX], 'aws')).toEqual({
      kind: 'conflict',
      reason: `its repository policy denies pulls to ${SANDBOX}`,
    });
    expect(pullAccessChange('{', [SANDBOX], 'aws').kind).toBe('conflict');
  });
});

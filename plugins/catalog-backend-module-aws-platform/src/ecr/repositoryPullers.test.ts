import { repositoryPullers } from './repositoryPullers';

const ORG = 'o-globex12345';
const policy = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('repositoryPullers', () => {
  it('names the accounts an Allow statement lets pull, however the principal is written', () => {
    expect(
      repositoryPullers(
        policy({
          Sid: 'Pull',
          Effect: 'Allow',
          Principal: {
            AWS: [
              'arn:aws:iam::111111111111:root',
              '222222222222',
              'arn:aws:iam::333333333333:role/deploy',
              'arn:aws-us-gov:iam::444444444444:root',
            ],
          },
          Action: [
            'ecr:BatchCheckLayerAvailability',
            'ecr:BatchGetImage',
            'ecr:GetDownloadUrlForLayer',
          ],
        }),
        ORG,
      ),
    ).toEqual({
      accountIds: [
        '111111111111',
        '222222222222',
        '333333333333',
        '444444444444',
      ],
      organization: false,
    });
  });

  it('takes wildcard actions that cover a pull, and nothing that does not', () => {
    const principal = { AWS: 'arn:aws:iam::111111111111:root' };
    for (const action of ['*', 'ecr:*', 'ECR:Batch*', 'ecr:BatchGetImag?']) {
      expect(
        repositoryPullers(
          policy({ Effect: 'Allow', Principal: principal, Action: action }),
          ORG,
        ).accountIds,
      ).toEqual(['111111111111']);
    }
    for (const action of ['ecr:PutImage', 'ecr:Describe*', 's3:*']) {
      expect(
        repositoryPullers(
          policy({ Effect: 'Allow', Principal: principal, Action: action }),
          ORG,
        ).accountIds,
      ).toEqual([]);
    }
  });

  it('says the organization may pull when "*" is limited to it', () => {
    const limited = (condition: object) =>
      repositoryPullers(
        policy({
          Effect: 'Allow',
          Principal: '*',
          Action: 'ecr:BatchGetImage',
          Condition: condition,
        }),
        ORG,
      ).organization;
    expect(limited({ StringEquals: { 'aws:PrincipalOrgID': ORG } })).toBe(true);
    expect(
      limited({
        'ForAnyValue:StringLike': {
          'aws:PrincipalOrgPaths': [`${ORG}/r-ab12/*`],
        },
      }),
    ).toBe(true);
    expect(limited({ StringEquals: { 'aws:PrincipalOrgID': 'o-other' } })).toBe(
      false,
    );
    expect(limited({ StringNotEquals: { 'aws:PrincipalOrgID': ORG } })).toBe(
      false,
    );
  });

  it('takes a public repository, Deny statements and broken policies as no one in particular', () => {
    expect(
      repositoryPullers(
        policy({
          Effect: 'Allow',
          Principal: '*',
          Action: 'ecr:BatchGetImage',
        }),
        ORG,
      ),
    ).toEqual({ accountIds: [], organization: false });
    expect(
      repositoryPullers(
        policy({
          Effect: 'Deny',
          Principal: { AWS: '111111111111' },
          Action: 'ecr:*',
        }),
        ORG,
      ),
    ).toEqual({ accountIds: [], organization: false });
    expect(repositoryPullers('{not json', ORG)).toEqual({
      accountIds: [],
      organization: false,
    });
    expect(repositoryPullers(undefined, ORG)).toEqual({
      accountIds: [],
      organization: false,
    });
  });
});

import {
  canonical,
  deployRolePolicy,
  githubActionsTrustPolicy,
  issuerHost,
  parsePolicy,
  podRoleTrustPolicy,
  samePolicy,
} from './iamPolicies';

const ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC123';

describe('podRoleTrustPolicy', () => {
  it('trusts the namespace service account through each cluster issuer once', () => {
    const policy = podRoleTrustPolicy({
      partition: 'aws',
      accountId: '171870262174',
      issuers: [
        ISSUER,
        `${ISSUER}/`,
        'https://oidc.eks.us-east-1.amazonaws.com/id/DEF',
      ],
      namespace: 'shop-staging',
      serviceAccount: 'shop',
    });
    expect(policy.Statement).toHaveLength(2);
    expect(policy.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: {
        Federated:
          'arn:aws:iam::171870262174:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC123',
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'oidc.eks.us-east-1.amazonaws.com/id/ABC123:aud': 'sts.amazonaws.com',
          'oidc.eks.us-east-1.amazonaws.com/id/ABC123:sub':
            'system:serviceaccount:shop-staging:shop',
        },
      },
    });
  });
});

describe('githubActionsTrustPolicy', () => {
  it('lets only the repository on the given branches assume the role', () => {
    const policy = githubActionsTrustPolicy({
      partition: 'aws',
      accountId: '715451680876',
      repository: 'acme/shop',
      branches: ['main', 'release/next', 'main'],
    });
    expect(policy.Statement[0].Principal).toEqual({
      Federated:
        'arn:aws:iam::715451680876:oidc-provider/token.actions.githubusercontent.com',
    });
    // Exact subjects: StringLike would let a branch or repository name
    // containing * or ? match others.
    expect(policy.Statement[0].Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': [
          'repo:acme/shop:ref:refs/heads/main',
          'repo:acme/shop:ref:refs/heads/release/next',
        ],
      },
    });
  });
});

describe('samePolicy', () => {
  const wanted = githubActionsTrustPolicy({
    partition: 'aws',
    accountId: '715451680876',
    repository: 'acme/shop',
    branches: ['main'],
  });

  it('reads back what IAM returns: URL-encoded, keys reordered, one-element lists as strings', () => {
    const asReturned = encodeURIComponent(
      JSON.stringify({
        Statement: {
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:sub':
                'repo:acme/shop:ref:refs/heads/main',
              'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com'],
            },
          },
          Action: ['sts:AssumeRoleWithWebIdentity'],
          Principal: {
            Federated:
              'arn:aws:iam::715451680876:oidc-provider/token.actions.githubusercontent.com',
          },
          Effect: 'Allow',
        },
        Version: '2012-10-17',
      }),
    );
    expect(samePolicy(parsePolicy(asReturned), wanted)).toBe(true);
  });

  it('tells a different branch, repository or provider apart', () => {
    for (const other of [
      { repository: 'acme/other', branches: ['main'] },
      { repository: 'acme/shop', branches: ['main', 'dev'] },
    ]) {
      expect(
        samePolicy(
          githubActionsTrustPolicy({
            partition: 'aws',
            accountId: '715451680876',
            ...other,
          }),
          wanted,
        ),
      ).toBe(false);
    }
    expect(samePolicy(undefined, wanted)).toBe(false);
  });

  it('ignores the order of statements and list items', () => {
    const a = deployRolePolicy({
      clusterArns: ['arn:b', 'arn:a'],
      repositoryArn: 'arn:repo',
    });
    const b = { ...a, Statement: [...a.Statement].reverse() };
    expect(canonical(a)).toBe(canonical(b));
  });
});

describe('parsePolicy and issuerHost', () => {
  it('parses plain and URL-encoded JSON, and nothing else', () => {
    expect(parsePolicy('{"a":1}')).toEqual({ a: 1 });
    expect(parsePolicy('%7B%22a%22%3A1%7D')).toEqual({ a: 1 });
    expect(parsePolicy('not json %')).toBeUndefined();
    expect(parsePolicy(undefined)).toBeUndefined();
  });

  it('drops the scheme and a trailing slash of an issuer', () => {
    expect(issuerHost(`${ISSUER}/`)).toBe(
      'oidc.eks.us-east-1.amazonaws.com/id/ABC123',
    );
  });
});

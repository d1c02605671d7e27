import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetRepositoryPolicyCommand,
  RepositoryPolicyNotFoundException,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { readRepositories } from './readRepositories';

// aws-sdk-client-mock replaces `send`: these tests exercise the paging and
// what a missing or unreadable policy means. The emulator test
// (holdingsEstateRoles.emulator.test.ts) reads real repositories.
const ecr = mockClient(ECRClient);
const target = { accountId: '100000000003', region: 'us-east-1' };

const repository = (name: string) => ({
  repositoryName: name,
  repositoryArn: `arn:aws:ecr:us-east-1:100000000003:repository/${name}`,
  registryId: '100000000003',
});

beforeEach(() => ecr.reset());

describe('readRepositories', () => {
  it('reads every page of repositories and the policy of each, none when there is none', async () => {
    ecr
      .on(DescribeRepositoriesCommand)
      .resolvesOnce({
        repositories: [repository('globex/shop')],
        nextToken: 't1',
      })
      .resolvesOnce({ repositories: [repository('globex/tools')] });
    ecr
      .on(GetRepositoryPolicyCommand, { repositoryName: 'globex/shop' })
      .resolves({ policyText: '{"Statement":[]}' })
      .on(GetRepositoryPolicyCommand, { repositoryName: 'globex/tools' })
      .rejects(
        new RepositoryPolicyNotFoundException({
          message: 'no policy',
          $metadata: {},
        }),
      );

    const repositories = await readRepositories(
      new ECRClient({ region: 'us-east-1' }),
      target,
    );

    expect(repositories).toEqual([
      {
        name: 'globex/shop',
        arn: 'arn:aws:ecr:us-east-1:100000000003:repository/globex/shop',
        accountId: '100000000003',
        region: 'us-east-1',
        policy: '{"Statement":[]}',
      },
      {
        name: 'globex/tools',
        arn: 'arn:aws:ecr:us-east-1:100000000003:repository/globex/tools',
        accountId: '100000000003',
        region: 'us-east-1',
      },
    ]);
    expect(ecr).toHaveReceivedCommandWith(DescribeRepositoriesCommand, {
      maxResults: 1000,
    });
    expect(ecr).toHaveReceivedCommandTimes(DescribeRepositoriesCommand, 2);
    expect(ecr).toHaveReceivedCommandTimes(GetRepositoryPolicyCommand, 2);
  });

  it('makes no policy call in an account without repositories', async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [] });
    await expect(
      readRepositories(new ECRClient({ region: 'us-east-1' }), target),
    ).resolves.toEqual([]);
    expect(ecr).toHaveReceivedCommandTimes(GetRepositoryPolicyCommand, 0);
  });

  it('fails the scope when a policy cannot be read: unknown is not "no policy"', async () => {
    ecr
      .on(DescribeRepositoriesCommand)
      .resolves({ repositories: [repository('globex/shop')] });
    ecr.on(GetRepositoryPolicyCommand).rejects(
      Object.assign(
        new Error('not authorized to perform ecr:GetRepositoryPolicy'),
        {
          name: 'AccessDeniedException',
        },
      ),
    );
    await expect(
      readRepositories(new ECRClient({ region: 'us-east-1' }), target),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

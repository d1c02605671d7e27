import {
  ECRClient,
  GetRepositoryPolicyCommand,
  paginateDescribeRepositories,
  Repository,
} from '@aws-sdk/client-ecr';
import {
  collectPages,
  mapAllOrThrow,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { RepositoryRecord } from './types';

/** DescribeRepositories' largest page. */
const PAGE_SIZE = 1000;

/** GetRepositoryPolicy calls in flight per account and region. */
const DEFAULT_CONCURRENCY = 4;

/**
 * Reads every ECR repository of one account and region with its policy:
 * DescribeRepositories page by page, then one GetRepositoryPolicy per
 * repository (a repository without a policy has none; that is not an
 * error). Nothing else of a repository is read: the suite emits no entity
 * for it, it only learns which account holds the images others pull.
 * Throws if any call fails: the account and region are one scope, and a
 * repository whose policy is unknown must not read as one without.
 */
export async function readRepositories(
  client: ECRClient,
  target: { accountId: string; region: string },
  options: { concurrency?: number } = {},
): Promise<RepositoryRecord[]> {
  const listed = await collectPages(
    paginateDescribeRepositories({ client, pageSize: PAGE_SIZE }, {}),
    page => page.repositories,
  );
  return mapAllOrThrow(
    listed,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async repository => readRepository(client, repository, target),
  );
}

async function readRepository(
  client: ECRClient,
  repository: Repository,
  target: { accountId: string; region: string },
): Promise<RepositoryRecord> {
  const name = repository.repositoryName;
  const arn = repository.repositoryArn;
  if (!name || !arn) {
    throw new Error(
      'DescribeRepositories returned a repository without a name or ARN',
    );
  }
  const policy = await readPolicy(client, name, repository.registryId);
  return {
    name,
    arn,
    accountId: repository.registryId ?? target.accountId,
    region: target.region,
    ...(policy !== undefined && { policy }),
  };
}

async function readPolicy(
  client: ECRClient,
  repositoryName: string,
  registryId: string | undefined,
): Promise<string | undefined> {
  try {
    const { policyText } = await client.send(
      new GetRepositoryPolicyCommand({ repositoryName, registryId }),
    );
    return policyText;
  } catch (error) {
    if ((error as Error)?.name === 'RepositoryPolicyNotFoundException') {
      return undefined;
    }
    throw error;
  }
}

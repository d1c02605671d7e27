import {
  CreateRepositoryCommand,
  CreateRepositoryCommandOutput,
  DescribeRepositoriesCommand,
  ECRClient,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  SetRepositoryPolicyCommand,
  SetRepositoryPolicyCommandOutput,
} from '@aws-sdk/client-ecr';

/** An ECR repository as the workload action needs it. */
export interface RepositorySummary {
  name: string;
  arn: string;
  uri: string;
  immutableTags: boolean;
  scanOnPush: boolean;
}

/** The repository `name`, or undefined when it does not exist. */
export async function describeRepository(
  client: ECRClient,
  name: string,
): Promise<RepositorySummary | undefined> {
  try {
    const { repositories } = await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: [name] }),
    );
    const repository = repositories?.[0];
    if (!repository?.repositoryArn || !repository.repositoryUri) {
      throw new Error(`DescribeRepositories ${name} returned no repository`);
    }
    return {
      name,
      arn: repository.repositoryArn,
      uri: repository.repositoryUri,
      immutableTags: repository.imageTagMutability === 'IMMUTABLE',
      scanOnPush: Boolean(repository.imageScanningConfiguration?.scanOnPush),
    };
  } catch (error) {
    if ((error as Error).name === 'RepositoryNotFoundException') {
      return undefined;
    }
    throw error;
  }
}

/** The repository's tags, which say who made it (an empty object for none). */
export async function listRepositoryTags(
  client: ECRClient,
  arn: string,
): Promise<Record<string, string>> {
  const { tags } = await client.send(
    new ListTagsForResourceCommand({ resourceArn: arn }),
  );
  return Object.fromEntries(
    (tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']),
  );
}

/** The repository's policy text, or undefined when it has none. */
export async function getRepositoryPolicy(
  client: ECRClient,
  name: string,
): Promise<string | undefined> {
  try {
    const { policyText } = await client.send(
      new GetRepositoryPolicyCommand({ repositoryName: name }),
    );
    return policyText || undefined;
  } catch (error) {
    if ((error as Error).name === 'RepositoryPolicyNotFoundException') {
      return undefined;
    }
    throw error;
  }
}

/**
 * Creates a repository with immutable tags and scanning on push. ECR has no
 * idempotency token: when the repository already exists (an earlier attempt
 * of this task, or another run), undefined is returned and the caller
 * decides from what is there. The response identifies the request.
 */
export async function createRepository(
  client: ECRClient,
  request: { name: string; tags: Record<string, string> },
): Promise<CreateRepositoryCommandOutput | undefined> {
  try {
    const response = await client.send(
      new CreateRepositoryCommand({
        repositoryName: request.name,
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        tags: Object.entries(request.tags).map(([Key, Value]) => ({
          Key,
          Value,
        })),
      }),
    );
    if (!response.repository?.repositoryArn) {
      throw new Error(
        `CreateRepository ${request.name} returned no repository`,
      );
    }
    return response;
  } catch (error) {
    if ((error as Error).name === 'RepositoryAlreadyExistsException') {
      return undefined;
    }
    throw error;
  }
}

/** Replaces the repository's policy (ECR keeps one per repository). */
export async function setRepositoryPolicy(
  client: ECRClient,
  name: string,
  policyText: string,
): Promise<SetRepositoryPolicyCommandOutput> {
  return client.send(
    new SetRepositoryPolicyCommand({ repositoryName: name, policyText }),
  );
}

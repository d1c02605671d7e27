import {
  CreateRepositoryCommand,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { OWNER_TAG, toTagList } from './conventions.ts';

/** An ECR repository as the seeders record it. */
export type SeededRepository = {
  name: string;
  accountId: string;
  region: string;
  arn: string;
  uri: string;
  /** Account ids the repository policy lets pull. */
  pullAccountIds: string[];
};

/** The actions a cross-account image pull needs. */
export const ECR_PULL_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
];

/**
 * Creates an immutable, scan-on-push repository and lets the given
 * workload accounts pull from it (the Operations → workloads edge).
 */
export async function createPullableRepository(
  ecr: ECRClient,
  request: {
    name: string;
    accountId: string;
    region: string;
    owner: string;
    pullAccountIds: string[];
  },
): Promise<SeededRepository> {
  const out = await ecr.send(
    new CreateRepositoryCommand({
      repositoryName: request.name,
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      tags: toTagList({ [OWNER_TAG]: request.owner }),
    }),
  );
  const repository = out.repository;
  if (!repository?.repositoryArn || !repository.repositoryUri) {
    throw new Error(`CreateRepository ${request.name} returned no repository`);
  }
  await ecr.send(
    new SetRepositoryPolicyCommand({
      repositoryName: request.name,
      policyText: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AllowWorkloadAccountsToPull',
            Effect: 'Allow',
            Principal: {
              AWS: request.pullAccountIds.map(id => `arn:aws:iam::${id}:root`),
            },
            Action: ECR_PULL_ACTIONS,
          },
        ],
      }),
    }),
  );
  return {
    name: request.name,
    accountId: request.accountId,
    region: request.region,
    arn: repository.repositoryArn,
    uri: repository.repositoryUri,
    pullAccountIds: request.pullAccountIds,
  };
}

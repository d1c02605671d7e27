/**
 * What a Flightdeck workload should look like in AWS: names, trust policies
 * and tags as the guide's sections b.4 and e describe them, and the lineage
 * that proves which request made them. Pure: no AWS calls.
 */
import {
  deployRolePolicy,
  githubActionsTrustPolicy,
  podRoleTrustPolicy,
  PolicyDocument,
  pushRolePolicy,
} from '../iam/iamPolicies';
import { lineageOf, ownershipTags, Requester } from '../lib/ownership';
import { partitionOf } from '../lib/regions';
import type { AliasTarget } from '../route53/route53Records';
import type { FlightdeckConfig } from './flightdeckConfig';
import type { ResolvedStage } from './resolveStages';

/** The action whose lineage the workload's resources carry. */
export const WORKLOAD_ACTION_ID = 'aws-platform:flightdeck:workload:create';

/** A role the workload needs. */
export interface DesiredRole {
  name: string;
  arn: string;
  accountId: string;
  /** Region of the IAM client (IAM is global; this picks the partition). */
  region: string;
  description: string;
  trustPolicy: PolicyDocument;
  /** Tags set when the role is created (ownership proof included). */
  tags: Record<string, string>;
  /** Tags the role must carry even when it existed (deploy roles' cluster tags). */
  requiredTags: Record<string, string>;
  /** The role's inline policy, if the action manages one. */
  inlinePolicy?: { name: string; document: PolicyDocument };
}

/** One stage of a {@link DesiredWorkload}. */
export interface DesiredStage {
  name: string;
  accountId: string;
  accountName: string;
  namespace: string;
  serviceAccount: string;
  clusters: string[];
  deployBranches: string[];
  podRole: DesiredRole;
  deployRole: DesiredRole;
  dns: {
    zoneId: string;
    zoneName: string;
    host: string;
    target: AliasTarget;
  };
}

/** Everything the action creates or checks for one workload. */
export interface DesiredWorkload {
  appName: string;
  /** The owner group's entity ref. */
  owner: string;
  /** Which request the resources belong to (see lineageOf). */
  lineage: string;
  operations: { accountId: string; region: string };
  repository: {
    name: string;
    arn: string;
    uri: string;
    tags: Record<string, string>;
    /** Accounts that must be able to pull. */
    pullAccountIds: string[];
  };
  pushRole: DesiredRole;
  stages: DesiredStage[];
}

/** What the action read of a stage's clusters and zone. */
export interface StageFacts {
  /** ARN and OIDC issuer URL of each of the stage's clusters, in order. */
  clusters: { name: string; arn: string; oidcIssuer: string }[];
  zoneId: string;
}

/** What every stage of one workload shares. */
interface WorkloadCommon {
  appName: string;
  githubRepository: string;
  serviceAccount: string;
  repositoryArn: string;
  /** Ownership proof, owner and app: on everything the action creates. */
  baseTags: Record<string, string>;
}

/**
 * The workload the action should leave behind: names and trust policies as
 * the guide's sections b.4 and e describe them, tagged with the lineage of
 * the request (its app, GitHub repository and owner group).
 */
export function desiredWorkload(options: {
  appName: string;
  githubRepository: string;
  /** The owner group's entity ref (checked against the catalog). */
  owner: string;
  serviceAccount: string;
  requester: Requester;
  config: FlightdeckConfig;
  stages: ResolvedStage[];
  facts: Map<string, StageFacts>;
}): DesiredWorkload {
  const { appName, config, owner } = options;
  const opsRegion = config.ecrRegion;
  const opsPartition = partitionOf(opsRegion);
  const ops = config.operationsAccountId;
  const repositoryName = `${config.repositoryNamespace}/${appName}`;
  const dnsSuffix =
    opsPartition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  // The same app, repository and owner group is the same request: its
  // reruns converge what it made; anyone else's run is refused.
  const lineage = workloadLineage({
    appName,
    githubRepository: options.githubRepository,
    owner,
  });
  const common: WorkloadCommon = {
    appName,
    githubRepository: options.githubRepository,
    serviceAccount: options.serviceAccount,
    repositoryArn: `arn:${opsPartition}:ecr:${opsRegion}:${ops}:repository/${repositoryName}`,
    baseTags: {
      ...ownershipTags(lineage, options.requester),
      owner,
      app: appName,
    },
  };
  const stages = options.stages.map(stage =>
    desiredStage(stage, options.facts.get(stage.name)!, common),
  );
  return {
    appName,
    owner,
    lineage,
    operations: { accountId: ops, region: opsRegion },
    repository: {
      name: repositoryName,
      arn: common.repositoryArn,
      uri: `${ops}.dkr.ecr.${opsRegion}.${dnsSuffix}/${repositoryName}`,
      tags: common.baseTags,
      pullAccountIds: [...new Set(stages.map(s => s.accountId))].sort(),
    },
    pushRole: desiredPushRole(
      { accountId: ops, region: opsRegion },
      [...new Set(options.stages.flatMap(stage => stage.deployBranches))],
      common,
    ),
    stages,
  };
}

/** The CI role in Operations, trusted on the deploy branches of every stage. */
function desiredPushRole(
  operations: { accountId: string; region: string },
  branches: string[],
  common: WorkloadCommon,
): DesiredRole {
  const partition = partitionOf(operations.region);
  const name = `github-actions-ecr-${common.appName}`;
  return {
    name,
    arn: `arn:${partition}:iam::${operations.accountId}:role/${name}`,
    accountId: operations.accountId,
    region: operations.region,
    description: `GitHub Actions of ${common.githubRepository} pushing images of ${common.appName}`,
    trustPolicy: githubActionsTrustPolicy({
      partition,
      accountId: operations.accountId,
      repository: common.githubRepository,
      branches,
    }),
    tags: common.baseTags,
    requiredTags: {},
    inlinePolicy: {
      name: 'ecr-push',
      document: pushRolePolicy({ repositoryArn: common.repositoryArn }),
    },
  };
}

/** One stage: its pod role, deploy role and host record. */
function desiredStage(
  stage: ResolvedStage,
  facts: StageFacts,
  common: WorkloadCommon,
): DesiredStage {
  const accountId = stage.accountInfo.accountId;
  const region = stage.clusterConfigs[0].region;
  const partition = partitionOf(region);
  const roleArn = (name: string) =>
    `arn:${partition}:iam::${accountId}:role/${name}`;
  const clusterTags = Object.fromEntries(
    stage.clusterConfigs.map(c => [`cluster.${c.name}.deploy`, 'true']),
  );
  const stageTags = { ...common.baseTags, stage: stage.name };
  return {
    name: stage.name,
    accountId,
    accountName: stage.accountInfo.name,
    namespace: stage.namespace,
    serviceAccount: common.serviceAccount,
    clusters: stage.clusterConfigs.map(c => c.name),
    deployBranches: stage.deployBranches,
    podRole: {
      name: stage.podRoleName,
      arn: roleArn(stage.podRoleName),
      accountId,
      region,
      description: `Pods of ${common.appName} (${stage.name}): service account ${stage.namespace}/${common.serviceAccount}`,
      trustPolicy: podRoleTrustPolicy({
        partition,
        accountId,
        issuers: facts.clusters.map(c => c.oidcIssuer),
        namespace: stage.namespace,
        serviceAccount: common.serviceAccount,
      }),
      tags: stageTags,
      requiredTags: {},
    },
    deployRole: {
      name: stage.deployRoleName,
      arn: roleArn(stage.deployRoleName),
      accountId,
      region,
      description: `GitHub Actions of ${common.githubRepository} deploying ${common.appName} (${stage.name})`,
      trustPolicy: githubActionsTrustPolicy({
        partition,
        accountId,
        repository: common.githubRepository,
        branches: stage.deployBranches,
      }),
      tags: { ...stageTags, ...clusterTags },
      requiredTags: clusterTags,
      inlinePolicy: {
        name: stage.deployRoleName,
        document: deployRolePolicy({
          clusterArns: facts.clusters.map(c => c.arn),
          repositoryArn: common.repositoryArn,
        }),
      },
    },
    dns: {
      zoneId: facts.zoneId,
      zoneName: stage.zoneName,
      host: stage.hostName,
      target: {
        dnsName: stage.ingress.dnsName,
        hostedZoneId: stage.ingress.hostedZoneId,
      },
    },
  };
}

/** The lineage of a workload request: its app, GitHub repository and owner group. */
export function workloadLineage(facts: {
  appName: string;
  githubRepository: string;
  owner: string;
}): string {
  return lineageOf(WORKLOAD_ACTION_ID, {
    app: facts.appName,
    // GitHub names are case-insensitive; one repository is one lineage.
    githubRepository: facts.githubRepository.toLocaleLowerCase('en-US'),
    owner: facts.owner,
  });
}

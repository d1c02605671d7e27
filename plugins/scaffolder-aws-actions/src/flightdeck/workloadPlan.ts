/**
 * What a Flightdeck workload should look like in AWS, and the changes that
 * get it there from what exists. Pure: the action reads AWS, calls these,
 * then applies the changes one checkpoint at a time.
 */
import type { RepositorySummary } from '../ecr/ecrRepositories';
import { pullAccessChange } from '../ecr/repositoryPolicy';
import {
  canonical,
  deployRolePolicy,
  githubActionsTrustPolicy,
  podRoleTrustPolicy,
  PolicyDocument,
  pushRolePolicy,
  samePolicy,
} from '../iam/iamPolicies';
import type { RoleSummary } from '../iam/iamRoles';
import { partitionOf } from '../lib/regions';
import type { AliasTarget, RecordSummary } from '../route53/route53Records';
import { isAliasTo } from '../route53/route53Records';
import type { FlightdeckConfig } from './flightdeckConfig';
import type { ResolvedStage } from './resolveStages';

/** A role the workload needs. */
export interface DesiredRole {
  name: string;
  arn: string;
  accountId: string;
  /** Region of the IAM client (IAM is global; this picks the partition). */
  region: string;
  description: string;
  trustPolicy: PolicyDocument;
  /** Tags set when the role is created. */
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

/**
 * The workload the action should leave behind: names and trust policies as
 * the guide's sections b.4 and e describe them.
 */
export function desiredWorkload(options: {
  appName: string;
  githubRepository: string;
  serviceAccount: string;
  taskId: string;
  config: FlightdeckConfig;
  stages: ResolvedStage[];
  facts: Map<string, StageFacts>;
}): DesiredWorkload {
  const { appName, config, taskId } = options;
  const opsRegion = config.ecrRegion;
  const opsPartition = partitionOf(opsRegion);
  const ops = config.operationsAccountId;
  const repositoryName = `${config.repositoryNamespace}/${appName}`;
  const repositoryArn = `arn:${opsPartition}:ecr:${opsRegion}:${ops}:repository/${repositoryName}`;
  const dnsSuffix =
    opsPartition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  const baseTags = {
    'managed-by': 'backstage',
    'backstage-task': taskId,
    app: appName,
  };
  const allBranches = [
    ...new Set(options.stages.flatMap(stage => stage.deployBranches)),
  ];
  const pushRoleName = `github-actions-ecr-${appName}`;

  const stages = options.stages.map((stage): DesiredStage => {
    const facts = options.facts.get(stage.name)!;
    const accountId = stage.accountInfo.accountId;
    const region = stage.clusterConfigs[0].region;
    const partition = partitionOf(region);
    const roleArn = (name: string) =>
      `arn:${partition}:iam::${accountId}:role/${name}`;
    const clusterTags = Object.fromEntries(
      stage.clusterConfigs.map(c => [`cluster.${c.name}.deploy`, 'true']),
    );
    const stageTags = { ...baseTags, stage: stage.name };
    return {
      name: stage.name,
      accountId,
      accountName: stage.accountInfo.name,
      namespace: stage.namespace,
      serviceAccount: options.serviceAccount,
      clusters: stage.clusterConfigs.map(c => c.name),
      deployBranches: stage.deployBranches,
      podRole: {
        name: stage.podRoleName,
        arn: roleArn(stage.podRoleName),
        accountId,
        region,
        description: `Pods of ${appName} (${stage.name}): service account ${stage.namespace}/${options.serviceAccount}`,
        trustPolicy: podRoleTrustPolicy({
          partition,
          accountId,
          issuers: facts.clusters.map(c => c.oidcIssuer),
          namespace: stage.namespace,
          serviceAccount: options.serviceAccount,
        }),
        tags: stageTags,
        requiredTags: {},
      },
      deployRole: {
        name: stage.deployRoleName,
        arn: roleArn(stage.deployRoleName),
        accountId,
        region,
        description: `GitHub Actions of ${options.githubRepository} deploying ${appName} (${stage.name})`,
        trustPolicy: githubActionsTrustPolicy({
          partition,
          accountId,
          repository: options.githubRepository,
          branches: stage.deployBranches,
        }),
        tags: { ...stageTags, ...clusterTags },
        requiredTags: clusterTags,
        inlinePolicy: {
          name: stage.deployRoleName,
          document: deployRolePolicy({
            clusterArns: facts.clusters.map(c => c.arn),
            repositoryArn,
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
  });

  return {
    appName,
    operations: { accountId: ops, region: opsRegion },
    repository: {
      name: repositoryName,
      arn: repositoryArn,
      uri: `${ops}.dkr.ecr.${opsRegion}.${dnsSuffix}/${repositoryName}`,
      tags: baseTags,
      pullAccountIds: [...new Set(stages.map(s => s.accountId))].sort(),
    },
    pushRole: {
      name: pushRoleName,
      arn: `arn:${opsPartition}:iam::${ops}:role/${pushRoleName}`,
      accountId: ops,
      region: opsRegion,
      description: `GitHub Actions of ${options.githubRepository} pushing images of ${appName}`,
      trustPolicy: githubActionsTrustPolicy({
        partition: opsPartition,
        accountId: ops,
        repository: options.githubRepository,
        branches: allBranches,
      }),
      tags: baseTags,
      requiredTags: {},
      inlinePolicy: {
        name: 'ecr-push',
        document: pushRolePolicy({ repositoryArn }),
      },
    },
    stages,
  };
}

/** What exists of the workload in AWS. */
export interface ObservedWorkload {
  repository?: RepositorySummary;
  repositoryPolicy?: string;
  /** Existing roles by ARN, with their managed inline policy when read. */
  roles: Map<string, { role: RoleSummary; inlinePolicy?: unknown }>;
  /** Record sets at each stage's host, by stage name. */
  records: Map<string, RecordSummary[]>;
}

/** One AWS change of the plan; `key` names its checkpoint. */
export type WorkloadChange = { key: string; description: string } & (
  | {
      kind: 'createRepository';
      accountId: string;
      region: string;
      name: string;
      tags: Record<string, string>;
    }
  | {
      kind: 'allowPull';
      accountId: string;
      region: string;
      name: string;
      pullAccountIds: string[];
    }
  | { kind: 'createRole'; role: DesiredRole }
  | {
      kind: 'tagRole';
      accountId: string;
      region: string;
      roleName: string;
      tags: Record<string, string>;
    }
  | {
      kind: 'putRolePolicy';
      accountId: string;
      region: string;
      roleName: string;
      policyName: string;
      document: PolicyDocument;
    }
  | {
      kind: 'createAliasRecord';
      accountId: string;
      zoneId: string;
      zoneName: string;
      host: string;
      target: AliasTarget;
    }
);

/** The plan: changes in order, or why the action must not touch anything. */
export interface WorkloadPlan {
  changes: WorkloadChange[];
  /** Existing resources that differ from what the workload needs. */
  conflicts: string[];
}

/**
 * Compares the desired workload with what exists. Missing resources become
 * changes; existing ones are reused when they match and reported as
 * conflicts when they differ in what matters (a role's trust policy, a
 * repository's tag mutability or scanning, a host pointing elsewhere).
 * What the action owns converges: its inline policies, the deploy roles'
 * cluster tags and its statement in the repository policy.
 */
export function planWorkload(
  desired: DesiredWorkload,
  observed: ObservedWorkload,
): WorkloadPlan {
  const changes: WorkloadChange[] = [];
  const conflicts: string[] = [];
  const ops = desired.operations;
  const repo = desired.repository;

  // Operations: the repository, who may pull, and the CI push role.
  if (!observed.repository) {
    changes.push({
      kind: 'createRepository',
      key: `ecr.repository.create:${ops.accountId}:${ops.region}:${repo.name}`,
      description: `Create ECR repository ${repo.name} (immutable tags, scan on push) in the Operations account (${ops.accountId}, ${ops.region})`,
      accountId: ops.accountId,
      region: ops.region,
      name: repo.name,
      tags: repo.tags,
    });
  } else {
    const problems = [
      ...(observed.repository.immutableTags ? [] : ['its tags are mutable']),
      ...(observed.repository.scanOnPush ? [] : ['it does not scan on push']),
    ];
    if (problems.length > 0) {
      conflicts.push(
        `The ECR repository ${
          repo.name
        } exists in the Operations account, but ${problems.join(
          ' and ',
        )}; the guide's repositories have immutable tags and scan on push`,
      );
    }
  }
  const pull = pullAccessChange(
    observed.repository ? observed.repositoryPolicy : undefined,
    repo.pullAccountIds,
    partitionOf(ops.region),
  );
  if (pull.kind === 'conflict') {
    conflicts.push(
      `The ECR repository ${repo.name} cannot be opened to the workload accounts: ${pull.reason}`,
    );
  } else if (pull.kind === 'set') {
    changes.push({
      kind: 'allowPull',
      key: `ecr.repository.allow-pull:${ops.accountId}:${ops.region}:${repo.name}`,
      description: `Let account${
        pull.addedAccounts.length > 1 ? 's' : ''
      } ${pull.addedAccounts.join(', ')} pull from ${
        repo.name
      } (repository policy statement FlightdeckWorkloadAccountsPull)`,
      accountId: ops.accountId,
      region: ops.region,
      name: repo.name,
      pullAccountIds: repo.pullAccountIds,
    });
  }
  planRole(
    desired.pushRole,
    'the Operations account',
    observed,
    changes,
    conflicts,
  );

  // Each stage: pod role, deploy role, the host's record.
  for (const stage of desired.stages) {
    const where = `account ${stage.accountName} (${stage.accountId})`;
    planRole(stage.podRole, where, observed, changes, conflicts);
    planRole(stage.deployRole, where, observed, changes, conflicts);
    const records = observed.records.get(stage.name) ?? [];
    const { host, zoneName, zoneId, target } = stage.dns;
    const alias = records.find(r => isAliasTo(r, target));
    const others = records.filter(
      r =>
        !(
          ['A', 'AAAA'].includes(r.type) &&
          isAliasTo({ ...r, type: 'A' }, target)
        ),
    );
    if (others.length > 0) {
      conflicts.push(
        `${host} already has ${others
          .map(
            r =>
              `a ${r.type} record (${
                r.alias ? `alias to ${r.alias.dnsName}` : r.values.join(', ')
              })`,
          )
          .join(
            ' and ',
          )} in the zone ${zoneName} of ${where}; it was left as it is. Choose another host, or remove that record first`,
      );
    } else if (!alias) {
      changes.push({
        kind: 'createAliasRecord',
        key: `route53.alias.create:${stage.accountId}:${host}`,
        description: `Create the record ${host} (A, alias to the stage's load balancer ${target.dnsName}) in the zone ${zoneName} (${zoneId}) of ${where}`,
        accountId: stage.accountId,
        zoneId,
        zoneName,
        host,
        target,
      });
    }
  }
  return { changes, conflicts };
}

function planRole(
  role: DesiredRole,
  where: string,
  observed: ObservedWorkload,
  changes: WorkloadChange[],
  conflicts: string[],
) {
  const existing = observed.roles.get(role.arn);
  if (!existing) {
    changes.push({
      kind: 'createRole',
      key: `iam.role.create:${role.accountId}:${role.name}`,
      description: `Create IAM role ${
        role.name
      } in ${where}, trusting ${describeTrust(role.trustPolicy)}${
        Object.keys(role.requiredTags).length
          ? `, tagged ${Object.keys(role.requiredTags)
              .map(k => `${k}=${role.requiredTags[k]}`)
              .join(', ')}`
          : ''
      }`,
      role,
    });
  } else if (!samePolicy(existing.role.trustPolicy, role.trustPolicy)) {
    conflicts.push(
      `The IAM role ${
        role.name
      } exists in ${where} with another trust policy: it has ${canonical(
        existing.role.trustPolicy,
      )}, the workload needs ${canonical(
        role.trustPolicy,
      )}. It was left as it is; change its trust policy or delete it first`,
    );
    return;
  } else {
    const missingTags = Object.fromEntries(
      Object.entries(role.requiredTags).filter(
        ([key, value]) => existing.role.tags[key] !== value,
      ),
    );
    if (Object.keys(missingTags).length > 0) {
      changes.push({
        kind: 'tagRole',
        key: `iam.role.tag:${role.accountId}:${role.name}`,
        description: `Tag IAM role ${
          role.name
        } in ${where} with ${Object.entries(missingTags)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
        accountId: role.accountId,
        region: role.region,
        roleName: role.name,
        tags: missingTags,
      });
    }
  }
  if (
    role.inlinePolicy &&
    !(existing && samePolicy(existing.inlinePolicy, role.inlinePolicy.document))
  ) {
    changes.push({
      kind: 'putRolePolicy',
      key: `iam.role.policy:${role.accountId}:${role.name}:${role.inlinePolicy.name}`,
      description: `${
        existing?.inlinePolicy ? 'Replace' : 'Write'
      } the inline policy ${role.inlinePolicy.name} of IAM role ${
        role.name
      } in ${where}: ${describePermissions(role.inlinePolicy.document)}`,
      accountId: role.accountId,
      region: role.region,
      roleName: role.name,
      policyName: role.inlinePolicy.name,
      document: role.inlinePolicy.document,
    });
  }
}

/** "GitHub Actions of acme/shop on main" or "service account x:y of 2 clusters". */
function describeTrust(policy: PolicyDocument): string {
  return policy.Statement.map(statement => {
    const conditions = Object.values(statement.Condition ?? {}).flatMap(c =>
      Object.entries(c),
    );
    const subjects = conditions
      .filter(([key]) => key.endsWith(':sub'))
      .flatMap(([, value]) => [value].flat());
    return `${subjects.join(', ')} through ${statement.Principal?.Federated}`;
  }).join('; ');
}

function describePermissions(policy: PolicyDocument): string {
  return policy.Statement.map(
    s => `${[s.Action].flat().join(', ')} on ${[s.Resource].flat().join(', ')}`,
  ).join('; ');
}

/**
 * The changes that take a Flightdeck workload from what exists to what it
 * should be. Pure: the action reads AWS, calls {@link planWorkload}, then
 * applies the changes one checkpoint at a time.
 */
import type { RepositorySummary } from '../ecr/ecrRepositories';
import { pullAccessChange } from '../ecr/repositoryPolicy';
import type { PolicyDocument } from '../iam/iamPolicies';
import type { RoleSummary } from '../iam/iamRoles';
import { judgeExisting } from '../lib/ownership';
import { partitionOf } from '../lib/regions';
import type { AliasTarget, RecordSummary } from '../route53/route53Records';
import { isAliasTo } from '../route53/route53Records';
import type {
  DesiredRole,
  DesiredStage,
  DesiredWorkload,
} from './desiredWorkload';
import { planRole } from './rolePlan';

/** What exists of the workload in AWS. */
export interface ObservedWorkload {
  /** The repository with its tags, when it exists. */
  repository?: RepositorySummary & { tags: Record<string, string> };
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
      /** Written at creation; they carry the lineage a race is judged by. */
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
  /**
   * Why existing resources may not be used: made by someone else, or by
   * this workload but now different in what the action never rewrites.
   * They name what is there and who made it (tags), never a policy.
   */
  conflicts: string[];
}

/**
 * Compares the desired workload with what exists. The repository and every
 * role are created when absent, converged only when they carry the suite's
 * ownership tags for this workload's lineage (app, GitHub repository, owner
 * group), and a conflict otherwise. Records have no tags: an ALIAS that
 * points exactly at the stage's load balancer is kept, any other record at
 * the host is a conflict. What the action owns converges: its inline
 * policies, the deploy roles' cluster tags and its repository policy
 * statement.
 */
export function planWorkload(
  desired: DesiredWorkload,
  observed: ObservedWorkload,
): WorkloadPlan {
  const plan: WorkloadPlan = { changes: [], conflicts: [] };
  planRepository(desired, observed, plan);
  planRole(desired.pushRole, 'the Operations account', observed, plan);
  for (const stage of desired.stages) {
    const where = `account ${stage.accountName} (${stage.accountId})`;
    planRole(stage.podRole, where, observed, plan);
    planRole(stage.deployRole, where, observed, plan);
    planRecord(stage, where, observed.records.get(stage.name) ?? [], plan);
  }
  return plan;
}

/** Operations: the repository and who may pull from it. */
function planRepository(
  desired: DesiredWorkload,
  observed: ObservedWorkload,
  plan: WorkloadPlan,
) {
  const ops = desired.operations;
  const repo = desired.repository;
  const what = `The ECR repository ${repo.name} in the Operations account (${ops.accountId})`;
  const verdict = judgeExisting(
    observed.repository?.tags,
    desired.lineage,
    what,
  );
  if (verdict.kind === 'conflict') {
    plan.conflicts.push(verdict.reason);
    return;
  }
  if (verdict.kind === 'create') {
    plan.changes.push({
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
      ...(observed.repository!.immutableTags ? [] : ['its tags are mutable']),
      ...(observed.repository!.scanOnPush ? [] : ['it does not scan on push']),
    ];
    if (problems.length > 0) {
      plan.conflicts.push(
        `${what} was made for this workload, but ${problems.join(
          ' and ',
        )}; the guide's repositories have immutable tags and scan on push`,
      );
      return;
    }
  }
  planPullAccess(desired, observed, plan);
}

function planPullAccess(
  desired: DesiredWorkload,
  observed: ObservedWorkload,
  plan: WorkloadPlan,
) {
  const ops = desired.operations;
  const repo = desired.repository;
  const pull = pullAccessChange(
    observed.repository ? observed.repositoryPolicy : undefined,
    repo.pullAccountIds,
    partitionOf(ops.region),
  );
  if (pull.kind === 'conflict') {
    plan.conflicts.push(
      `The ECR repository ${repo.name} cannot be opened to the workload accounts: ${pull.reason}`,
    );
  } else if (pull.kind === 'set') {
    plan.changes.push({
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
}

/** The host's ALIAS record: kept when exactly right, created when absent. */
function planRecord(
  stage: DesiredStage,
  where: string,
  records: RecordSummary[],
  plan: WorkloadPlan,
) {
  const { host, zoneName, zoneId, target } = stage.dns;
  const alias = records.find(r => isAliasTo(r, target));
  const others = records.filter(
    r =>
      !(
        ['A', 'AAAA'].includes(r.type) && isAliasTo({ ...r, type: 'A' }, target)
      ),
  );
  if (others.length > 0) {
    plan.conflicts.push(
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
    plan.changes.push({
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

/** The account a change writes to. */
export function workloadChangeAccount(change: WorkloadChange): string {
  return change.kind === 'createRole'
    ? change.role.accountId
    : change.accountId;
}

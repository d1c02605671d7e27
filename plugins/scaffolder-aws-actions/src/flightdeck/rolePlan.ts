/**
 * The plan for one IAM role of a workload. Pure. A role is created when
 * absent and converged (missing required tags, its inline policy) only when
 * it carries the suite's tags for the workload's lineage and trusts exactly
 * what the workload needs: the action never rewrites who may assume a role.
 */
import { PolicyDocument, samePolicy } from '../iam/iamPolicies';
import {
  judgeExisting,
  OWNERSHIP_TAG,
  ownershipMarkOf,
} from '../lib/ownership';
import type { DesiredRole } from './desiredWorkload';
import type { ObservedWorkload, WorkloadPlan } from './workloadPlan';

/** Adds the changes (or the conflict) of `role` to `plan`. */
export function planRole(
  role: DesiredRole,
  where: string,
  observed: ObservedWorkload,
  plan: WorkloadPlan,
) {
  const existing = observed.roles.get(role.arn);
  const what = `The IAM role ${role.name} in ${where}`;
  const lineage = role.tags[OWNERSHIP_TAG.lineage];
  const verdict = judgeExisting(existing?.role.tags, lineage, what);
  if (verdict.kind === 'conflict') {
    plan.conflicts.push(verdict.reason);
    return;
  }
  if (verdict.kind === 'create') {
    plan.changes.push({
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
  } else if (!samePolicy(existing!.role.trustPolicy, role.trustPolicy)) {
    // Named, never echoed: the document may say who else can assume it.
    const by =
      ownershipMarkOf(existing!.role.tags).createdBy ?? 'an unknown user';
    plan.conflicts.push(
      `${what} was made for this workload (created by ${by}) but trusts other subjects than the workload needs now (another cluster, service account or branch). The action never rewrites who may assume a role: it was left as it is; update its trust policy or delete it first`,
    );
    return;
  } else {
    planMissingTags(role, where, existing!.role.tags, plan);
  }
  planInlinePolicy(role, where, existing?.inlinePolicy, plan);
}

function planMissingTags(
  role: DesiredRole,
  where: string,
  tags: Record<string, string>,
  plan: WorkloadPlan,
) {
  const missing = Object.fromEntries(
    Object.entries(role.requiredTags).filter(
      ([key, value]) => tags[key] !== value,
    ),
  );
  if (Object.keys(missing).length === 0) return;
  plan.changes.push({
    kind: 'tagRole',
    key: `iam.role.tag:${role.accountId}:${role.name}`,
    description: `Tag IAM role ${role.name} in ${where} with ${Object.entries(
      missing,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    accountId: role.accountId,
    region: role.region,
    roleName: role.name,
    tags: missing,
  });
}

function planInlinePolicy(
  role: DesiredRole,
  where: string,
  current: unknown,
  plan: WorkloadPlan,
) {
  if (!role.inlinePolicy || samePolicy(current, role.inlinePolicy.document)) {
    return;
  }
  plan.changes.push({
    kind: 'putRolePolicy',
    key: `iam.role.policy:${role.accountId}:${role.name}:${role.inlinePolicy.name}`,
    description: `${current ? 'Replace' : 'Write'} the inline policy ${
      role.inlinePolicy.name
    } of IAM role ${role.name} in ${where}: ${describePermissions(
      role.inlinePolicy.document,
    )}`,
    accountId: role.accountId,
    region: role.region,
    roleName: role.name,
    policyName: role.inlinePolicy.name,
    document: role.inlinePolicy.document,
  });
}

/** "repo:acme/shop:ref:refs/heads/main through arn:...:oidc-provider/...". */
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

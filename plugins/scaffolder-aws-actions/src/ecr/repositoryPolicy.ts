import {
  ECR_PULL_ACTIONS,
  parsePolicy,
  PolicyDocument,
  PolicyStatement,
} from '../iam/iamPolicies';

/** The statement the action owns in a repository policy. */
export const PULL_STATEMENT_SID = 'FlightdeckWorkloadAccountsPull';

/** What a repository policy needs to let the workload accounts pull. */
export type PullAccessChange =
  | { kind: 'none' }
  | { kind: 'set'; policy: PolicyDocument; addedAccounts: string[] }
  | { kind: 'conflict'; reason: string };

/**
 * Works out the repository policy that lets `accountIds` pull, keeping
 * every statement someone else wrote. Accounts an existing Allow statement
 * already covers are left alone; the others are added to the action's own
 * statement ({@link PULL_STATEMENT_SID}). Accounts are never removed.
 * Pure: the caller reads and writes the policy.
 */
export function pullAccessChange(
  existingText: string | undefined,
  accountIds: string[],
  partition: string,
): PullAccessChange {
  const existing = existingText ? parsePolicy(existingText) : undefined;
  if (existingText && !isPolicy(existing)) {
    return {
      kind: 'conflict',
      reason: 'its repository policy is not a JSON policy document',
    };
  }
  const statements = isPolicy(existing) ? statementsOf(existing) : [];
  const denied = accountIds.filter(id =>
    statements.some(s => s.Effect === 'Deny' && coversPull(s, id)),
  );
  if (denied.length > 0) {
    return {
      kind: 'conflict',
      reason: `its repository policy denies pulls to ${denied.join(', ')}`,
    };
  }
  const missing = accountIds.filter(
    id =>
      !statements.some(
        s => s.Effect === 'Allow' && !s.Condition && coversPull(s, id),
      ),
  );
  if (missing.length === 0) return { kind: 'none' };

  const own = statements.find(s => s.Sid === PULL_STATEMENT_SID);
  const principals = new Set([
    ...principalsOf(own),
    ...missing.map(id => `arn:${partition}:iam::${id}:root`),
  ]);
  const pull: PolicyStatement = {
    Sid: PULL_STATEMENT_SID,
    Effect: 'Allow',
    Principal: { AWS: [...principals].sort() },
    Action: ECR_PULL_ACTIONS,
  };
  return {
    kind: 'set',
    addedAccounts: [...new Set(missing)].sort(),
    policy: {
      Version: '2012-10-17',
      Statement: [
        ...statements.filter(s => s.Sid !== PULL_STATEMENT_SID),
        pull,
      ],
    },
  };
}

function isPolicy(value: unknown): value is { Statement: unknown } {
  return Boolean(value && typeof value === 'object' && 'Statement' in value);
}

function statementsOf(policy: { Statement: unknown }): PolicyStatement[] {
  const list = Array.isArray(policy.Statement)
    ? policy.Statement
    : [policy.Statement];
  return list.filter(
    (s): s is PolicyStatement => Boolean(s) && typeof s === 'object',
  );
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

function principalsOf(statement: PolicyStatement | undefined): string[] {
  return asList(statement?.Principal?.AWS);
}

/** Whether a statement names the account (or everyone) for all pull actions. */
function coversPull(statement: PolicyStatement, accountId: string): boolean {
  const principal = statement.Principal as unknown;
  const principals =
    principal === '*' ? ['*'] : principalsOf(statement as PolicyStatement);
  const names = principals.some(
    p =>
      p === '*' ||
      p === accountId ||
      new RegExp(`^arn:[a-z-]+:iam::${accountId}:root$`).test(p),
  );
  const actions = asList(statement.Action).map(a => a.toLowerCase());
  const allows = (action: string) =>
    actions.includes('*') ||
    actions.includes('ecr:*') ||
    actions.includes(action.toLowerCase());
  return names && ECR_PULL_ACTIONS.every(allows);
}

/** Who a repository policy lets pull images. */
export interface RepositoryPullers {
  /** Account ids named as principals of an Allow statement that covers pulls. */
  accountIds: string[];
  /**
   * Whether any principal of the given organization may pull (`"*"` limited
   * by `aws:PrincipalOrgID` or `aws:PrincipalOrgPaths` to it).
   */
  organization: boolean;
}

// The call that fetches an image's layers: a statement that does not allow
// it lets no one pull, whatever else it allows.
const PULL_ACTION = 'ecr:batchgetimage';

const ACCOUNT_PRINCIPAL =
  /^(?:(\d{12})|arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):.+)$/;

/**
 * The accounts, and whether the organization, that a repository policy
 * lets pull images. Only Allow statements with `Principal` count; a
 * statement whose `"*"` is not limited to the organization (a public
 * repository) says nothing about whose images the repository holds. A
 * policy that is not JSON lets no one pull, as far as the suite can tell.
 * Pure.
 */
export function repositoryPullers(
  policyText: string | undefined,
  organizationId: string,
): RepositoryPullers {
  const pullers: RepositoryPullers = { accountIds: [], organization: false };
  if (!policyText) return pullers;
  let policy: unknown;
  try {
    policy = JSON.parse(policyText);
  } catch {
    return pullers;
  }
  const accounts = new Set<string>();
  for (const statement of statementsOf(policy)) {
    if (statement.Effect !== 'Allow' || !allowsPull(statement.Action)) {
      continue;
    }
    for (const principal of awsPrincipals(statement.Principal)) {
      if (principal === '*') {
        if (limitedToOrganization(statement.Condition, organizationId)) {
          pullers.organization = true;
        }
        continue;
      }
      const match = ACCOUNT_PRINCIPAL.exec(principal);
      const accountId = match?.[1] ?? match?.[2];
      if (accountId) accounts.add(accountId);
    }
  }
  pullers.accountIds = [...accounts].sort();
  return pullers;
}

type Statement = {
  Effect?: unknown;
  Action?: unknown;
  Principal?: unknown;
  Condition?: unknown;
};

function statementsOf(policy: unknown): Statement[] {
  if (!policy || typeof policy !== 'object' || !('Statement' in policy)) {
    return [];
  }
  const { Statement: statements } = policy as { Statement: unknown };
  const list = Array.isArray(statements) ? statements : [statements];
  return list.filter(
    (s): s is Statement => Boolean(s) && typeof s === 'object',
  );
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

// `ecr:BatchGetImage`, or a wildcard that covers it (`*`, `ecr:*`, `ecr:Batch*`).
function allowsPull(action: unknown): boolean {
  return asList(action).some(pattern => {
    const lower = pattern.toLowerCase();
    if (!lower.includes('*') && !lower.includes('?')) {
      return lower === PULL_ACTION;
    }
    const regex = new RegExp(
      `^${lower
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    );
    return regex.test(PULL_ACTION);
  });
}

function awsPrincipals(principal: unknown): string[] {
  if (principal === '*') return ['*'];
  if (principal && typeof principal === 'object' && 'AWS' in principal) {
    return asList((principal as { AWS: unknown }).AWS);
  }
  return [];
}

// `aws:PrincipalOrgID` equal to the organization, or `aws:PrincipalOrgPaths`
// inside it, under a string operator that matches (`StringEquals`,
// `StringLike`, their `ForAnyValue:` forms), never a negated one.
function limitedToOrganization(
  condition: unknown,
  organizationId: string,
): boolean {
  if (!condition || typeof condition !== 'object') return false;
  const orgId = organizationId.toLowerCase();
  return Object.entries(condition as Record<string, unknown>).some(
    ([operator, block]) => {
      const op = operator.toLowerCase();
      if (!op.includes('string') || op.includes('not')) return false;
      if (!block || typeof block !== 'object') return false;
      return Object.entries(block as Record<string, unknown>).some(
        ([key, value]) => {
          const name = key.toLowerCase();
          const values = asList(value).map(v => v.toLowerCase());
          if (name === 'aws:principalorgid') return values.includes(orgId);
          if (name === 'aws:principalorgpaths') {
            return values.some(path => path.startsWith(`${orgId}/`));
          }
          return false;
        },
      );
    },
  );
}

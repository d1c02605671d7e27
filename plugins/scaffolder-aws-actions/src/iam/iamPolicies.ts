/**
 * The IAM policy documents of a Flightdeck workload (the guide's b.4 and e),
 * and how to compare them with what IAM returns. Pure: no AWS calls.
 */

/** An IAM policy document, as the action writes it. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** One statement of a {@link PolicyDocument}. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: Record<string, string | string[]>;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** The host of GitHub Actions' OIDC issuer, which names its IAM provider. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The audience AWS's own STS expects in web identity tokens. */
const STS_AUDIENCE = 'sts.amazonaws.com';

/** The actions a cross-account image pull needs. */
export const ECR_PULL_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
];

/** The actions an image push needs besides pulling. */
const ECR_PUSH_ACTIONS = [
  'ecr:CompleteLayerUpload',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
];

/** The ARN of the IAM OIDC provider for `issuerHost` in an account. */
export function oidcProviderArn(
  partition: string,
  accountId: string,
  host: string,
): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${host}`;
}

/** `https://oidc.eks.us-east-1.amazonaws.com/id/ABC` → `oidc.eks.us-east-1.amazonaws.com/id/ABC`. */
export function issuerHost(issuerUrl: string): string {
  return issuerUrl.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/**
 * Trust policy of the pod role `<app>-<stage>-pods` (IRSA): the service
 * account of the workload's namespace may assume it through the OIDC
 * provider of each of the stage's clusters.
 */
export function podRoleTrustPolicy(options: {
  partition: string;
  accountId: string;
  /** Issuer URLs of the stage's clusters (DescribeCluster identity.oidc.issuer). */
  issuers: string[];
  namespace: string;
  serviceAccount: string;
}): PolicyDocument {
  const hosts = [...new Set(options.issuers.map(issuerHost))].sort();
  return {
    Version: '2012-10-17',
    Statement: hosts.map(host => ({
      Effect: 'Allow',
      Principal: {
        Federated: oidcProviderArn(options.partition, options.accountId, host),
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          [`${host}:aud`]: STS_AUDIENCE,
          [`${host}:sub`]: `system:serviceaccount:${options.namespace}:${options.serviceAccount}`,
        },
      },
    })),
  };
}

/**
 * Trust policy of a role GitHub Actions assumes: workflows of one
 * repository, on the given branches only (exact `sub` subjects), through the account's GitHub OIDC
 * provider (the guide's deploy and ECR push roles).
 */
export function githubActionsTrustPolicy(options: {
  partition: string;
  accountId: string;
  /** `owner/repository`. */
  repository: string;
  branches: string[];
}): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: {
          Federated: oidcProviderArn(
            options.partition,
            options.accountId,
            GITHUB_OIDC_HOST,
          ),
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        // StringEquals, never StringLike: each subject is one exact branch
        // of one repository, so no `*` or `?` in a name can widen it.
        Condition: {
          StringEquals: {
            [`${GITHUB_OIDC_HOST}:aud`]: STS_AUDIENCE,
            [`${GITHUB_OIDC_HOST}:sub`]: [...new Set(options.branches)]
              .sort()
              .map(
                branch => `repo:${options.repository}:ref:refs/heads/${branch}`,
              ),
          },
        },
      },
    ],
  };
}

/**
 * Permissions of the deploy role `<app>-<stage>-deploy`: find the stage's
 * clusters (`aws eks update-kubeconfig`) and pull the workload's images.
 * What it may do inside the cluster is Kubernetes RBAC, not IAM.
 */
export function deployRolePolicy(options: {
  clusterArns: string[];
  repositoryArn: string;
}): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DescribeClusters',
        Effect: 'Allow',
        Action: 'eks:DescribeCluster',
        Resource: [...new Set(options.clusterArns)].sort(),
      },
      {
        Sid: 'EcrLogin',
        Effect: 'Allow',
        Action: 'ecr:GetAuthorizationToken',
        Resource: '*',
      },
      {
        Sid: 'PullImages',
        Effect: 'Allow',
        Action: ECR_PULL_ACTIONS,
        Resource: options.repositoryArn,
      },
    ],
  };
}

/** Permissions of the CI role that pushes the workload's images to ECR. */
export function pushRolePolicy(options: {
  repositoryArn: string;
}): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EcrLogin',
        Effect: 'Allow',
        Action: 'ecr:GetAuthorizationToken',
        Resource: '*',
      },
      {
        Sid: 'PushAndPullImages',
        Effect: 'Allow',
        Action: [...ECR_PULL_ACTIONS, ...ECR_PUSH_ACTIONS].sort(),
        Resource: options.repositoryArn,
      },
    ],
  };
}

/**
 * Parses a policy document as IAM returns it: GetRole and GetRolePolicy
 * answer URL-encoded JSON, ECR plain JSON. Undefined when it is not JSON.
 */
export function parsePolicy(text: string | undefined): unknown {
  if (!text) return undefined;
  for (const candidate of [text, safeDecode(text)]) {
    try {
      return JSON.parse(candidate ?? '');
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether two policies grant the same: IAM may reorder keys, turn a
 * one-element list into a string and back, and add no other changes the
 * action cares about. Statement order and list order do not matter.
 */
export function samePolicy(actual: unknown, wanted: unknown): boolean {
  return canonical(actual) === canonical(wanted);
}

/** A stable text form of a policy for comparisons and messages. */
export function canonical(value: unknown): string {
  return JSON.stringify(normalize(value, undefined));
}

function normalize(value: unknown, key: string | undefined): unknown {
  if (key === 'Statement' && value && !Array.isArray(value)) {
    return normalize([value], key);
  }
  if (Array.isArray(value)) {
    const items = value.map(item => normalize(item, undefined));
    if (items.length === 1 && key !== 'Statement') return items[0];
    return items
      .map(item => JSON.stringify(item))
      .sort()
      .map(item => JSON.parse(item));
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .filter(k => object[k] !== undefined)
        .sort()
        .map(k => [k, normalize(object[k], k)]),
    );
  }
  return value;
}

import {
  CreateRoleCommand,
  CreateRoleCommandOutput,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutRolePolicyCommandOutput,
  TagRoleCommand,
  TagRoleCommandOutput,
} from '@aws-sdk/client-iam';
import { parsePolicy, PolicyDocument } from './iamPolicies';

/** An IAM role as the workload action needs it. */
export interface RoleSummary {
  name: string;
  arn: string;
  /** The trust policy, parsed (IAM returns it URL-encoded). */
  trustPolicy: unknown;
  tags: Record<string, string>;
}

const isNotFound = (error: unknown) =>
  (error as Error).name === 'NoSuchEntityException';

/** The role `name`, or undefined when it does not exist. */
export async function getRole(
  client: IAMClient,
  name: string,
): Promise<RoleSummary | undefined> {
  try {
    const { Role } = await client.send(new GetRoleCommand({ RoleName: name }));
    if (!Role?.Arn) throw new Error(`GetRole ${name} returned no role`);
    return {
      name,
      arn: Role.Arn,
      trustPolicy: parsePolicy(Role.AssumeRolePolicyDocument),
      tags: Object.fromEntries(
        (Role.Tags ?? []).map(tag => [tag.Key ?? '', tag.Value ?? '']),
      ),
    };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Creates a role. IAM has no idempotency token: when the role already
 * exists (an earlier attempt of this task, or another run), undefined is
 * returned and the caller decides from what is there. The response
 * identifies the request.
 */
export async function createRole(
  client: IAMClient,
  request: {
    name: string;
    trustPolicy: PolicyDocument;
    description: string;
    tags: Record<string, string>;
  },
): Promise<CreateRoleCommandOutput | undefined> {
  try {
    const response = await client.send(
      new CreateRoleCommand({
        RoleName: request.name,
        AssumeRolePolicyDocument: JSON.stringify(request.trustPolicy),
        Description: request.description,
        Tags: Object.entries(request.tags).map(([Key, Value]) => ({
          Key,
          Value,
        })),
      }),
    );
    if (!response.Role?.Arn)
      throw new Error(`CreateRole ${request.name} returned no role`);
    return response;
  } catch (error) {
    if ((error as Error).name === 'EntityAlreadyExistsException') {
      return undefined;
    }
    throw error;
  }
}

/** Adds or overwrites tags on a role (at most 50 per call, as IAM allows). */
export async function tagRole(
  client: IAMClient,
  name: string,
  tags: Record<string, string>,
): Promise<TagRoleCommandOutput | undefined> {
  const entries = Object.entries(tags);
  if (entries.length === 0) return undefined;
  return client.send(
    new TagRoleCommand({
      RoleName: name,
      Tags: entries.map(([Key, Value]) => ({ Key, Value })),
    }),
  );
}

/** The role's inline policy `policyName`, parsed; undefined when absent. */
export async function getRolePolicy(
  client: IAMClient,
  roleName: string,
  policyName: string,
): Promise<unknown> {
  try {
    const { PolicyDocument: document } = await client.send(
      new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }),
    );
    return parsePolicy(document);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Writes the role's inline policy `policyName` (creates or replaces it). */
export async function putRolePolicy(
  client: IAMClient,
  roleName: string,
  policyName: string,
  document: PolicyDocument,
): Promise<PutRolePolicyCommandOutput> {
  return client.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: policyName,
      PolicyDocument: JSON.stringify(document),
    }),
  );
}

/** Whether the account has the IAM OIDC provider `arn`. */
export async function oidcProviderExists(
  client: IAMClient,
  arn: string,
): Promise<boolean> {
  try {
    await client.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }),
    );
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import type { CreateAccountStatus } from '@aws-sdk/client-organizations';
import { clientOptions } from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';
import {
  accountEmail,
  accountTags,
  OU_NAMES,
  PLATFORM_TEAM,
  toTagList,
} from './conventions.ts';
import type { OuName } from './conventions.ts';

/** An account as the seeders record it. */
export type SeededAccount = {
  id: string;
  name: string;
  email: string;
  /** `root` for the management account. */
  ou: OuName | 'root';
  tags: Record<string, string>;
};

/** The organization, its root, its OUs and the management account. */
export type OrganizationSkeleton = {
  organizationId: string;
  organizationArn: string;
  rootId: string;
  ous: Record<OuName, string>;
  management: SeededAccount;
};

/**
 * Creates the organization (FeatureSet ALL) from the management account,
 * tags the management account, and creates the Security, Shared and
 * Workloads OUs under the root.
 */
export async function createOrganizationSkeleton(
  management: AwsSession,
): Promise<OrganizationSkeleton> {
  const org = new OrganizationsClient(clientOptions(management));
  const created = await org.send(
    new CreateOrganizationCommand({ FeatureSet: 'ALL' }),
  );
  const organization = created.Organization;
  if (!organization?.Id || !organization.Arn || !organization.MasterAccountId) {
    throw new Error('CreateOrganization returned no organization');
  }
  const roots = await org.send(new ListRootsCommand({}));
  const rootId = roots.Roots?.[0]?.Id;
  if (!rootId) throw new Error('ListRoots returned no root');

  const managementId = organization.MasterAccountId;
  const tags = accountTags('management', PLATFORM_TEAM);
  await org.send(
    new TagResourceCommand({ ResourceId: managementId, Tags: toTagList(tags) }),
  );
  const described = await org.send(
    new DescribeAccountCommand({ AccountId: managementId }),
  );

  const ous = {} as Record<OuName, string>;
  // Sequential on purpose: creation order fixes moto's seeded ids.
  for (const name of OU_NAMES) {
    const ou = await org.send(
      new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: name }),
    );
    if (!ou.OrganizationalUnit?.Id) throw new Error(`OU ${name} not created`);
    ous[name] = ou.OrganizationalUnit.Id;
  }

  return {
    organizationId: organization.Id,
    organizationArn: organization.Arn,
    rootId,
    ous,
    management: {
      id: managementId,
      name: described.Account?.Name ?? '',
      email: described.Account?.Email ?? organization.MasterAccountEmail ?? '',
      ou: 'root',
      tags,
    },
  };
}

/** What to create with {@link createMemberAccount}. */
export type MemberAccountRequest = {
  name: string;
  rootDomain: string;
  ou: OuName;
  tags: Record<string, string>;
};

/**
 * CreateAccount (with tags), wait for SUCCEEDED, then MoveAccount from the
 * root into its OU, as Account Factory does.
 */
export async function createMemberAccount(
  org: OrganizationsClient,
  skeleton: OrganizationSkeleton,
  request: MemberAccountRequest,
): Promise<SeededAccount> {
  const email = accountEmail(request.name, request.rootDomain);
  const out = await org.send(
    new CreateAccountCommand({
      AccountName: request.name,
      Email: email,
      Tags: toTagList(request.tags),
    }),
  );
  const status = await waitForAccount(org, out.CreateAccountStatus);
  const id = status.AccountId!;
  await org.send(
    new MoveAccountCommand({
      AccountId: id,
      SourceParentId: skeleton.rootId,
      DestinationParentId: skeleton.ous[request.ou],
    }),
  );
  return { id, name: request.name, email, ou: request.ou, tags: request.tags };
}

// moto answers SUCCEEDED at once; real AWS is IN_PROGRESS for minutes, so
// poll a bounded number of times rather than assume either.
async function waitForAccount(
  org: OrganizationsClient,
  initial: CreateAccountStatus | undefined,
): Promise<CreateAccountStatus> {
  let status = initial;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (status?.State === 'SUCCEEDED' && status.AccountId) return status;
    if (status?.State === 'FAILED' || !status?.Id) {
      throw new Error(
        `CreateAccount failed: ${status?.FailureReason ?? 'no status'}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
    const next = await org.send(
      new DescribeCreateAccountStatusCommand({
        CreateAccountRequestId: status.Id,
      }),
    );
    status = next.CreateAccountStatus;
  }
  throw new Error('CreateAccount did not succeed within 20 polls');
}

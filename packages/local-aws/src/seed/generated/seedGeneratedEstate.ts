import {
  CreateOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import {
  assumeAccount,
  clientOptions,
  MANAGEMENT_CREDENTIALS,
} from '../awsSession.ts';
import type { AwsSession } from '../awsSession.ts';
import { accountEmail, OWNER_TAG, toTagList } from '../conventions.ts';
import { seedIdentityCenterSpec } from '../identityCenterSeeder.ts';
import {
  createAccountInOu,
  createOuTree,
  registerDelegatedAdministrator,
} from '../organizationTree.ts';
import type { GeneratedEstatePlan } from './estatePlanTypes.ts';
import { generateEstatePlan } from './generateEstatePlan.ts';
import { seedHoldings } from './seedHoldings.ts';

/** What {@link seedGeneratedEstate} created. */
export type GeneratedEstate = {
  plan: GeneratedEstatePlan;
  organizationId: string;
  managementAccountId: string;
  /** Account ids by account name. */
  accounts: Record<string, string>;
};

/**
 * Seeds the estate {@link generateEstatePlan} makes of `seed` into a freshly
 * reset moto: the organization, its nested OUs and accounts with their
 * owner tags (no role tags), the delegated administrators, what the
 * accounts hold, and Identity Center in the Identity account.
 */
export async function seedGeneratedEstate(options: {
  endpoint: string;
  seed: number;
}): Promise<GeneratedEstate> {
  const plan = generateEstatePlan(options.seed);
  const management: AwsSession = {
    endpoint: options.endpoint,
    region: plan.regions[0],
    credentials: MANAGEMENT_CREDENTIALS,
  };
  const org = new OrganizationsClient(clientOptions(management));
  const created = await org.send(
    new CreateOrganizationCommand({ FeatureSet: 'ALL' }),
  );
  const managementAccountId = created.Organization?.MasterAccountId;
  const rootId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
  if (!created.Organization?.Id || !managementAccountId || !rootId) {
    throw new Error('CreateOrganization returned no organization');
  }
  await org.send(
    new TagResourceCommand({
      ResourceId: managementAccountId,
      Tags: toTagList({ [OWNER_TAG]: plan.platformGroup }),
    }),
  );
  const ous = await createOuTree(org, rootId, plan.ouPaths);
  const accounts: Record<string, string> = {};
  // Sequential on purpose: creation order fixes moto's seeded ids.
  for (const account of plan.accounts) {
    accounts[account.name] = await createAccountInOu(org, {
      name: account.name,
      email: accountEmail(account.name, plan.rootDomain),
      ...(account.owner && { tags: { [OWNER_TAG]: account.owner } }),
      rootId,
      ouId: ous[account.ouPath],
    });
  }
  for (const { account, service } of plan.delegations) {
    await registerDelegatedAdministrator(org, accounts[account], service);
  }
  await seedHoldings(management, plan, accounts);
  await seedIdentity(management, plan, accounts);
  return {
    plan,
    organizationId: created.Organization.Id,
    managementAccountId,
    accounts,
  };
}

async function seedIdentity(
  management: AwsSession,
  plan: GeneratedEstatePlan,
  accounts: Record<string, string>,
): Promise<void> {
  const identity = plan.accounts.find(account => account.role === 'identity')!;
  const session = await assumeAccount(management, accounts[identity.name]);
  const { users, groups, permissionSets, assignments } = plan.identityCenter;
  await seedIdentityCenterSpec(session, {
    users,
    groups,
    permissionSets,
    assignments: assignments.map(assignment => ({
      ...assignment,
      accountId: accounts[assignment.account],
    })),
  });
}

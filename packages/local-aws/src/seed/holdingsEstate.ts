import {
  CreateOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { accountClients } from './accountClients.ts';
import {
  assumeAccount,
  clientOptions,
  MANAGEMENT_CREDENTIALS,
} from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';
import { createPlan, createVault, vaultArn } from './backup.ts';
import { accountEmail, DEFAULT_REGION, PLATFORM_TEAM } from './conventions.ts';
import { createPublicZone, delegateSubdomain } from './dns.ts';
import { createPullableRepository } from './ecr.ts';
import { createAccountInOu, createOuTree } from './organizationTree.ts';

/** The OUs of the holdings estate: one says nothing, two say the stage. */
type HoldingsOu = 'Platform' | 'Prod' | 'NonProd';

// No name, OU, tag or delegated administration says which account is the
// Network, Backup or Operations account: `hub`, `keep` and `forge` are no
// role words, `Platform` is no role OU. Only what each account holds does.
const HOLDINGS_ACCOUNTS: readonly { name: string; ou: HoldingsOu }[] = [
  { name: 'globex-hub', ou: 'Platform' },
  { name: 'globex-keep', ou: 'Platform' },
  { name: 'globex-forge', ou: 'Platform' },
  { name: 'globex-shop', ou: 'Prod' },
  { name: 'globex-shop-preview', ou: 'NonProd' },
];

const CENTRAL_VAULT = 'central';
const LOCAL_VAULT = 'local';

/** What {@link seedHoldingsEstate} created. */
export type HoldingsEstate = {
  organizationId: string;
  managementAccountId: string;
  rootDomain: string;
  region: string;
  /** Account ids by account name. */
  accounts: Record<string, string>;
};

/**
 * Seeds an organization whose Network, Backup and Operations accounts carry
 * no role tag, no role word in their names, sit in an OU that says nothing
 * and administer nothing for the organization: `globex-hub` holds the
 * public root zone delegating `shop.` and `preview.` to the two workload
 * accounts, `globex-keep` the vault both workloads' backup plans copy into,
 * `globex-forge` the ECR repository both workloads may pull from. Expects a
 * freshly reset moto.
 */
export async function seedHoldingsEstate(options: {
  endpoint: string;
  rootDomain?: string;
  region?: string;
}): Promise<HoldingsEstate> {
  const rootDomain = options.rootDomain ?? 'globex.example';
  const region = options.region ?? DEFAULT_REGION;
  const management: AwsSession = {
    endpoint: options.endpoint,
    region,
    credentials: MANAGEMENT_CREDENTIALS,
  };
  const org = new OrganizationsClient(clientOptions(management));
  const created = await org.send(
    new CreateOrganizationCommand({ FeatureSet: 'ALL' }),
  );
  const rootId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
  if (!created.Organization?.Id || !rootId) {
    throw new Error('CreateOrganization returned no organization');
  }
  const ous = await createOuTree(org, rootId, ['Platform', 'Prod', 'NonProd']);
  const accounts: Record<string, string> = {};
  // Sequential on purpose: creation order fixes moto's seeded ids.
  for (const { name, ou } of HOLDINGS_ACCOUNTS) {
    accounts[name] = await createAccountInOu(org, {
      name,
      email: accountEmail(name, rootDomain),
      rootId,
      ouId: ous[ou],
    });
  }

  const inAccount = async (name: string) =>
    accountClients(
      await assumeAccount(management, accounts[name]),
      accounts[name],
    );
  const hub = await inAccount('globex-hub');
  const keep = await inAccount('globex-keep');
  const forge = await inAccount('globex-forge');
  const workloads = [
    { clients: await inAccount('globex-shop'), stage: 'shop' },
    { clients: await inAccount('globex-shop-preview'), stage: 'preview' },
  ];
  const owner = { owner: PLATFORM_TEAM };

  const root = await createPublicZone(
    hub.route53,
    hub.accountId,
    rootDomain,
    owner,
  );
  for (const { clients, stage } of workloads) {
    const child = await createPublicZone(
      clients.route53,
      clients.accountId,
      `${stage}.${rootDomain}`,
      owner,
    );
    await delegateSubdomain(
      hub.route53,
      root.id,
      child.name,
      child.nameServers,
    );
  }

  await createVault(keep.backup(region), {
    name: CENTRAL_VAULT,
    accountId: keep.accountId,
    region,
    owner: PLATFORM_TEAM,
  });
  for (const { clients, stage } of workloads) {
    await createVault(clients.backup(region), {
      name: LOCAL_VAULT,
      accountId: clients.accountId,
      region,
      owner: PLATFORM_TEAM,
    });
    await createPlan(clients.backup(region), {
      name: `${stage}-backup-plan`,
      accountId: clients.accountId,
      region,
      owner: PLATFORM_TEAM,
      vaultName: LOCAL_VAULT,
      copyTo: [vaultArn(region, keep.accountId, CENTRAL_VAULT)],
    });
  }

  await createPullableRepository(forge.ecr(region), {
    name: 'globex/shop',
    accountId: forge.accountId,
    region,
    owner: PLATFORM_TEAM,
    pullAccountIds: workloads.map(({ clients }) => clients.accountId),
  });

  return {
    organizationId: created.Organization.Id,
    managementAccountId: created.Organization.MasterAccountId!,
    rootDomain,
    region,
    accounts,
  };
}

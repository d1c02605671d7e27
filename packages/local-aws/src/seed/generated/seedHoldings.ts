import { accountClients } from '../accountClients.ts';
import type { AccountClients } from '../accountClients.ts';
import { assumeAccount } from '../awsSession.ts';
import type { AwsSession } from '../awsSession.ts';
import { createPlan, createVault, vaultArn } from '../backup.ts';
import { OWNER_TAG, slugify } from '../conventions.ts';
import { createPublicZone, delegateSubdomain } from '../dns.ts';
import { createPullableRepository } from '../ecr.ts';
import type {
  GeneratedEstatePlan,
  PlannedHoldings,
} from './estatePlanTypes.ts';

const CENTRAL_VAULT = 'central';
const LOCAL_VAULT = 'local';

/** Clients in an account by its name, and the owner its resources are tagged with. */
type Seeding = {
  plan: GeneratedEstatePlan;
  inAccount(name: string): Promise<AccountClients>;
  ownerOf(name: string): string;
};

/**
 * Creates what the plan's accounts hold: the root zone delegating to
 * workload zones, the central vault in the second region that workload
 * plans copy into, the ECR repository workloads pull from, and the other
 * zones. Every resource is tagged with its account's owner (the platform
 * group where the account has none), except the zones the plan gives
 * another owner.
 */
export async function seedHoldings(
  management: AwsSession,
  plan: GeneratedEstatePlan,
  accounts: Record<string, string>,
): Promise<void> {
  const clients = new Map<string, AccountClients>();
  const seeding: Seeding = {
    plan,
    inAccount: async name => {
      if (!clients.has(name)) {
        const session = await assumeAccount(management, accounts[name]);
        clients.set(name, accountClients(session, accounts[name]));
      }
      return clients.get(name)!;
    },
    ownerOf: name =>
      plan.accounts.find(account => account.name === name)?.owner ??
      plan.platformGroup,
  };
  const { network, backup, operations } = plan.holdings;
  if (network) await seedDelegations(seeding, network);
  if (backup) await seedCentralVault(seeding, backup);
  if (operations) await seedSharedRepository(seeding, operations, accounts);
  for (const zone of plan.zones) {
    const holder = await seeding.inAccount(zone.account);
    await createPublicZone(holder.route53, holder.accountId, zone.name, {
      [OWNER_TAG]: zone.owner,
    });
  }
}

async function seedDelegations(
  { plan, inAccount, ownerOf }: Seeding,
  network: NonNullable<PlannedHoldings['network']>,
): Promise<void> {
  const hub = await inAccount(network.account);
  const root = await createPublicZone(
    hub.route53,
    hub.accountId,
    plan.rootDomain,
    { [OWNER_TAG]: ownerOf(network.account) },
  );
  for (const name of network.delegatedTo) {
    const workload = await inAccount(name);
    const child = await createPublicZone(
      workload.route53,
      workload.accountId,
      `${slugify(name)}.${plan.rootDomain}`,
      { [OWNER_TAG]: ownerOf(name) },
    );
    await delegateSubdomain(
      hub.route53,
      root.id,
      child.name,
      child.nameServers,
    );
  }
}

async function seedCentralVault(
  { plan, inAccount, ownerOf }: Seeding,
  backup: NonNullable<PlannedHoldings['backup']>,
): Promise<void> {
  const region = plan.regions[1];
  const keep = await inAccount(backup.account);
  await createVault(keep.backup(region), {
    name: CENTRAL_VAULT,
    accountId: keep.accountId,
    region,
    owner: ownerOf(backup.account),
  });
  for (const name of backup.copiedFrom) {
    const workload = await inAccount(name);
    const where = {
      accountId: workload.accountId,
      region,
      owner: ownerOf(name),
    };
    await createVault(workload.backup(region), { ...where, name: LOCAL_VAULT });
    await createPlan(workload.backup(region), {
      ...where,
      name: `${slugify(name)}-plan`,
      vaultName: LOCAL_VAULT,
      copyTo: [vaultArn(region, keep.accountId, CENTRAL_VAULT)],
    });
  }
}

async function seedSharedRepository(
  { plan, inAccount, ownerOf }: Seeding,
  operations: NonNullable<PlannedHoldings['operations']>,
  accounts: Record<string, string>,
): Promise<void> {
  const region = plan.regions[0];
  const forge = await inAccount(operations.account);
  await createPullableRepository(forge.ecr(region), {
    name: `${plan.company}/${slugify(operations.pulledBy[0])}`,
    accountId: forge.accountId,
    region,
    owner: ownerOf(operations.account),
    pullAccountIds: operations.pulledBy.map(name => accounts[name]),
  });
}

import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { accountClients } from './accountClients.ts';
import type { AccountClients } from './accountClients.ts';
import {
  assumeAccount,
  clientOptions,
  MANAGEMENT_CREDENTIALS,
} from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';
import { createPlan, createVault, vaultArn } from './backup.ts';
import type { SeededPlan, SeededVault } from './backup.ts';
import {
  accountTags,
  APP_DEVELOPERS,
  DEFAULT_ORG_NAME,
  DEFAULT_REGION,
  DEFAULT_ROOT_DOMAIN,
  MEMBER_ACCOUNTS,
  OWNER_TAG,
  PLATFORM_TEAM,
  secondaryRegion,
  VAULT_NAME,
} from './conventions.ts';
import type { OuName, RoleId } from './conventions.ts';
import { createPublicZone, delegateSubdomain } from './dns.ts';
import type { SeededDelegation, SeededZone } from './dns.ts';
import { createPullableRepository } from './ecr.ts';
import type { SeededRepository } from './ecr.ts';
import { createFlightdeckCluster } from './flightdeckCluster.ts';
import { createOidcProvider, GITHUB_OIDC_HOST } from './oidcProviders.ts';
import { seedIdentityCenter } from './identityCenter.ts';
import type { SeededIdentityCenter } from './identityCenter.ts';
import type { SeededCluster } from './flightdeckCluster.ts';
import {
  createMemberAccount,
  createOrganizationSkeleton,
} from './organization.ts';
import type { SeededAccount } from './organization.ts';

/** Options of {@link seedReferenceEstate}. */
export type SeedReferenceEstateOptions = {
  /** moto's endpoint, e.g. `http://127.0.0.1:5000`. */
  endpoint: string;
  /** Region for EKS, Backup, SSM and ECR. Default `us-east-1`. */
  region?: string;
  /** Organization name: cluster prefix and ECR namespace. Default `acme`. */
  orgName?: string;
  /** Root domain hosted in Network. Default `example.com`. */
  rootDomain?: string;
  log?: (msg: string) => void;
};

/** The name server that replaces a real one in the sandbox delegation. */
export const DRIFTED_NAME_SERVER = 'ns-9999.awsdns-99.net.';

/** Kubernetes versions of the two clusters (1.28 is past standard support). */
export const CLUSTER_VERSIONS = {
  production: '1.33',
  sandbox: '1.28',
} as const;

/** Everything {@link seedReferenceEstate} created, for tests to assert on. */
export type ReferenceEstate = {
  orgName: string;
  rootDomain: string;
  region: string;
  organizationId: string;
  organizationArn: string;
  managementAccountId: string;
  rootId: string;
  ous: Record<OuName, string>;
  accounts: Record<RoleId, SeededAccount>;
  zones: Record<'root' | 'production' | 'sandbox', SeededZone>;
  /** NS records in the root zone, as written (sandbox's is drifted). */
  delegations: Record<'production' | 'sandbox', SeededDelegation>;
  clusters: Record<'production' | 'sandbox', SeededCluster>;
  /** Production, Sandbox, Backup (region), Backup (secondary region). */
  vaults: SeededVault[];
  /** Only Production has a plan. */
  plans: SeededPlan[];
  repositories: SeededRepository[];
  /**
   * ARNs of the IAM OIDC providers: each cluster's issuer in its account
   * (Flightdeck's cluster module) and GitHub Actions' in Operations,
   * Production and Sandbox (the landing zone's GitHub Actions stack).
   */
  oidcProviders: string[];
  /**
   * Identity Center in the Identity account: users, groups, permission
   * sets and account assignments, with the access review's seeded problems.
   */
  identityCenter: SeededIdentityCenter;
  /** The deliberate imperfections, for tests that check they are found. */
  imperfections: {
    accountWithoutOwner: string;
    driftedDelegation: { zone: string; parentHas: string; childHas: string };
    outdatedCluster: { name: string; version: string };
    accountWithVaultButNoPlan: string;
  };
};

/**
 * Seeds the thoughtbot AWS Platform Guide reference organization into moto:
 * 9 accounts in Security/Shared/Workloads, the root zone and two delegated
 * stage zones, two Flightdeck clusters, backup vaults and a plan with a
 * cross-account copy, and ECR repositories in Operations. Expects a freshly
 * reset moto (`reset()`), which makes the generated ids deterministic.
 */
export async function seedReferenceEstate(
  options: SeedReferenceEstateOptions,
): Promise<ReferenceEstate> {
  const region = options.region ?? DEFAULT_REGION;
  const orgName = options.orgName ?? DEFAULT_ORG_NAME;
  const rootDomain = options.rootDomain ?? DEFAULT_ROOT_DOMAIN;
  const log = options.log ?? (() => {});
  const management: AwsSession = {
    endpoint: options.endpoint,
    region,
    credentials: MANAGEMENT_CREDENTIALS,
  };

  log('organization: creating org, OUs and accounts');
  const skeleton = await createOrganizationSkeleton(management);
  const organizations = new OrganizationsClient(clientOptions(management));
  const accounts = { management: skeleton.management } as Record<
    RoleId,
    SeededAccount
  >;
  // Sequential on purpose: creation order fixes moto's seeded account ids.
  for (const spec of MEMBER_ACCOUNTS) {
    accounts[spec.role] = await createMemberAccount(organizations, skeleton, {
      name: spec.name,
      rootDomain,
      ou: spec.ou,
      tags: accountTags(spec.role, spec.owner),
    });
  }

  const inAccount = async (role: RoleId): Promise<AccountClients> => {
    const id = accounts[role].id;
    return accountClients(await assumeAccount(management, id), id);
  };
  const network = await inAccount('network');
  const production = await inAccount('production');
  const sandbox = await inAccount('sandbox');
  const operations = await inAccount('operations');
  const backupAccount = await inAccount('backup');
  const platformOwned = { [OWNER_TAG]: PLATFORM_TEAM };

  log('route53: root zone and delegated stage zones');
  const rootZone = await createPublicZone(
    network.route53,
    network.accountId,
    rootDomain,
    platformOwned,
  );
  const productionZone = await createPublicZone(
    production.route53,
    production.accountId,
    `production.${rootDomain}`,
    platformOwned,
  );
  const sandboxZone = await createPublicZone(
    sandbox.route53,
    sandbox.accountId,
    `sandbox.${rootDomain}`,
    platformOwned,
  );
  const productionDelegation = await delegateSubdomain(
    network.route53,
    rootZone.id,
    productionZone.name,
    productionZone.nameServers,
  );
  // Imperfection: the parent's NS set no longer matches the sandbox zone.
  const replaced = sandboxZone.nameServers[sandboxZone.nameServers.length - 1];
  const sandboxDelegation = await delegateSubdomain(
    network.route53,
    rootZone.id,
    sandboxZone.name,
    [...sandboxZone.nameServers.slice(0, -1), DRIFTED_NAME_SERVER],
  );

  log('eks: Flightdeck clusters, node groups and SSM parameters');
  const clusters = {
    production: await createFlightdeckCluster(
      production.eks(),
      production.ssm(),
      {
        name: `${orgName}-production-v1`,
        version: CLUSTER_VERSIONS.production,
        accountId: production.accountId,
        region,
        owner: PLATFORM_TEAM,
        module: 'cluster/production-v1',
      },
    ),
    // Imperfection: 1.28 is past standard support.
    sandbox: await createFlightdeckCluster(sandbox.eks(), sandbox.ssm(), {
      name: `${orgName}-sandbox-v1`,
      version: CLUSTER_VERSIONS.sandbox,
      accountId: sandbox.accountId,
      region,
      owner: PLATFORM_TEAM,
      module: 'cluster/sandbox-v1',
    }),
  };

  log('backup: vaults and the production plan');
  const vaults: SeededVault[] = [];
  const vaultSites: [AccountClients, string][] = [
    [production, region],
    // Imperfection: Sandbox has a vault but no plan.
    [sandbox, region],
    [backupAccount, region],
    [backupAccount, secondaryRegion(region)],
  ];
  for (const [account, vaultRegion] of vaultSites) {
    vaults.push(
      await createVault(account.backup(vaultRegion), {
        name: VAULT_NAME,
        accountId: account.accountId,
        region: vaultRegion,
        owner: PLATFORM_TEAM,
      }),
    );
  }
  const plans = [
    await createPlan(production.backup(), {
      name: 'production-backup-plan',
      accountId: production.accountId,
      region,
      owner: PLATFORM_TEAM,
      vaultName: VAULT_NAME,
      copyTo: [vaultArn(region, backupAccount.accountId, VAULT_NAME)],
    }),
  ];

  log('ecr: repositories in Operations');
  const repositories: SeededRepository[] = [];
  for (const name of [`${orgName}/storefront`, `${orgName}/storefront-base`]) {
    repositories.push(
      await createPullableRepository(operations.ecr(), {
        name,
        accountId: operations.accountId,
        region,
        owner: APP_DEVELOPERS,
        pullAccountIds: [production.accountId, sandbox.accountId],
      }),
    );
  }

  // Last, so the ids above stay what they were before IAM was seeded.
  log('iam: OIDC providers of the clusters and of GitHub Actions');
  const oidcProviders: string[] = [];
  const sessionOf = (role: RoleId) =>
    assumeAccount(management, accounts[role].id);
  for (const [role, cluster] of [
    ['production', clusters.production],
    ['sandbox', clusters.sandbox],
  ] as const) {
    oidcProviders.push(
      await createOidcProvider(
        await sessionOf(role),
        cluster.accountId,
        cluster.oidcIssuer,
      ),
    );
  }
  for (const role of ['operations', 'production', 'sandbox'] as const) {
    oidcProviders.push(
      await createOidcProvider(
        await sessionOf(role),
        accounts[role].id,
        GITHUB_OIDC_HOST,
      ),
    );
  }

  // After IAM, so every id seeded before stays what it was.
  log('identity center: users, groups, permission sets and assignments');
  const identityCenter = await seedIdentityCenter(
    await sessionOf('identity'),
    Object.fromEntries(
      Object.entries(accounts).map(([role, account]) => [role, account.id]),
    ) as Record<RoleId, string>,
  );

  return {
    orgName,
    rootDomain,
    region,
    organizationId: skeleton.organizationId,
    organizationArn: skeleton.organizationArn,
    managementAccountId: skeleton.management.id,
    rootId: skeleton.rootId,
    ous: skeleton.ous,
    accounts,
    zones: { root: rootZone, production: productionZone, sandbox: sandboxZone },
    delegations: {
      production: productionDelegation,
      sandbox: sandboxDelegation,
    },
    clusters,
    vaults,
    plans,
    repositories,
    oidcProviders,
    identityCenter,
    imperfections: {
      accountWithoutOwner: accounts.audit.id,
      driftedDelegation: {
        zone: sandboxZone.name,
        parentHas: DRIFTED_NAME_SERVER,
        childHas: replaced,
      },
      outdatedCluster: {
        name: clusters.sandbox.name,
        version: clusters.sandbox.version,
      },
      accountWithVaultButNoPlan: sandbox.accountId,
    },
  };
}

import {
  CreateOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { clientOptions, MANAGEMENT_CREDENTIALS } from './awsSession.ts';
import { accountEmail, DEFAULT_REGION } from './conventions.ts';
import {
  createAccountInOu,
  createOuTree,
  registerDelegatedAdministrator,
} from './organizationTree.ts';

/** One OU of the convention estate: its path from the root. */
type ConventionOu =
  | 'Workloads'
  | 'Workloads/Prod'
  | 'Workloads/NonProd'
  | 'Infrastructure'
  | 'Security'
  | 'Suspended';

const CONVENTION_OUS: readonly ConventionOu[] = [
  'Workloads',
  'Workloads/Prod',
  'Workloads/NonProd',
  'Infrastructure',
  'Security',
  'Suspended',
];

const REGIONS = ['use1', 'use2', 'usw2', 'euw1', 'euc1', 'apse2'];
const APPS = ['payments', 'search', 'checkout', 'ledger'];

// Named after a company's own conventions, not the guide's: no account is
// called Audit, Network or Backup, and none carries a role tag.
const CONVENTION_ACCOUNTS: readonly { name: string; ou: ConventionOu }[] = [
  { name: 'globex-sec-logs', ou: 'Security' },
  { name: 'globex-sec-tooling', ou: 'Security' },
  { name: 'globex-shared-net', ou: 'Infrastructure' },
  { name: 'globex-ops', ou: 'Infrastructure' },
  { name: 'globex-sso', ou: 'Infrastructure' },
  { name: 'globex-backups', ou: 'Infrastructure' },
  ...REGIONS.map(region => ({
    name: `globex-prod-${region}`,
    ou: 'Workloads/Prod' as const,
  })),
  ...APPS.map(app => ({
    name: `globex-${app}`,
    ou: 'Workloads/Prod' as const,
  })),
  ...REGIONS.map(region => ({
    name: `globex-dev-${region}`,
    ou: 'Workloads/NonProd' as const,
  })),
  ...APPS.map(app => ({
    name: `globex-${app}-qa`,
    ou: 'Workloads/NonProd' as const,
  })),
  // Weak signals that disagree: a network word in a NonProd OU, and a second
  // account whose name claims the one Network role.
  { name: 'globex-net-lab', ou: 'Workloads/NonProd' },
  { name: 'globex-net-transit', ou: 'Infrastructure' },
  { name: 'globex-legacy-erp', ou: 'Suspended' },
  { name: 'globex-legacy-crm', ou: 'Suspended' },
];

// The security tooling account administers GuardDuty and Access Analyzer;
// the ops account Systems Manager. moto refuses sso, backup and securityhub
// as delegated-administrator principals, so those roles come from names here.
const DELEGATIONS: readonly { account: string; services: string[] }[] = [
  {
    account: 'globex-sec-tooling',
    services: ['guardduty.amazonaws.com', 'access-analyzer.amazonaws.com'],
  },
  { account: 'globex-ops', services: ['ssm.amazonaws.com'] },
];

/** What {@link seedConventionEstate} created. */
export type ConventionEstate = {
  organizationId: string;
  managementAccountId: string;
  /** Account ids by account name. */
  accounts: Record<string, string>;
  /** OU ids by path from the root, e.g. `Workloads/Prod`. */
  ous: Record<ConventionOu, string>;
};

/**
 * Seeds an organization named after a company's own conventions
 * (`globex-prod-use1`, `globex-shared-net`, nested `Workloads/Prod` and
 * `Workloads/NonProd` OUs, `Infrastructure`, `Security`, a `Suspended` OU)
 * with no role tags, and registers delegated administrators: the estate on
 * which roles must be recognised with no configuration.
 */
export async function seedConventionEstate(options: {
  endpoint: string;
  rootDomain?: string;
}): Promise<ConventionEstate> {
  const org = new OrganizationsClient(
    clientOptions({
      endpoint: options.endpoint,
      region: DEFAULT_REGION,
      credentials: MANAGEMENT_CREDENTIALS,
    }),
  );
  const created = await org.send(
    new CreateOrganizationCommand({ FeatureSet: 'ALL' }),
  );
  const rootId = (await org.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
  if (!created.Organization?.Id || !rootId) {
    throw new Error('CreateOrganization returned no organization');
  }
  const ous = (await createOuTree(org, rootId, CONVENTION_OUS)) as Record<
    ConventionOu,
    string
  >;
  const accounts: Record<string, string> = {};
  // Sequential on purpose: creation order fixes moto's seeded ids.
  for (const { name, ou } of CONVENTION_ACCOUNTS) {
    accounts[name] = await createAccountInOu(org, {
      name,
      email: accountEmail(name, options.rootDomain ?? 'globex.example'),
      rootId,
      ouId: ous[ou],
    });
  }
  await registerDelegations(org, accounts);
  return {
    organizationId: created.Organization.Id,
    managementAccountId: created.Organization.MasterAccountId!,
    accounts,
    ous,
  };
}

async function registerDelegations(
  org: OrganizationsClient,
  accounts: Record<string, string>,
): Promise<void> {
  for (const { account, services } of DELEGATIONS) {
    for (const service of services) {
      await registerDelegatedAdministrator(org, accounts[account], service);
    }
  }
}

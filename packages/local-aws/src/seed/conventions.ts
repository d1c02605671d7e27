/**
 * Names, tags and numbers of the AWS Platform Guide estate, in one place so
 * that seeders, tests and ingestion code agree on them.
 */

/** Tag key naming the owning group of an account or resource. */
export const OWNER_TAG = 'owner';

/** Tag key naming the account's role in the AWS Platform Guide. */
export const ROLE_TAG = 'aws-platform/role';

/** Group that owns the platform accounts and everything the platform runs. */
export const PLATFORM_TEAM = 'platform-team';

/** Group that owns the workload accounts (Production, Sandbox) and the app images. */
export const APP_DEVELOPERS = 'app-developers';

/** Default organization name (cluster prefix, ECR namespace). */
export const DEFAULT_ORG_NAME = 'acme';

/** Default root domain, hosted in the Network account. */
export const DEFAULT_ROOT_DOMAIN = 'example.com';

/** Default region for the regional services (EKS, Backup, SSM, ECR). */
export const DEFAULT_REGION = 'us-east-1';

/** The vault name used org-wide (guide section d). */
export const VAULT_NAME = 'user-backup-vault';

/** The role every member account trusts from the management account. */
export const ORGANIZATION_ACCESS_ROLE = 'OrganizationAccountAccessRole';

/** TTL of NS delegation records in the parent zone (guide section c). */
export const DELEGATION_TTL = 3600;

/** Backup rule defaults from terraform-aws-backup (guide section d). */
export const BACKUP_RULE = {
  schedule: 'cron(0 2 * * ? *)',
  startWindowMinutes: 60,
  completionWindowMinutes: 360,
  moveToColdStorageAfterDays: 90,
  deleteAfterDays: 270,
} as const;

/** Organizational units under the root. */
export type OuName = 'Security' | 'Shared' | 'Workloads';

/** The OU names, in creation order. */
export const OU_NAMES: readonly OuName[] = ['Security', 'Shared', 'Workloads'];

/** Account role ids of the guide (section a.2). */
export type RoleId =
  | 'management'
  | 'log-archive'
  | 'audit'
  | 'identity'
  | 'operations'
  | 'network'
  | 'backup'
  | 'production'
  | 'sandbox';

/** A member account the reference estate creates. */
export type MemberAccountSpec = {
  role: Exclude<RoleId, 'management'>;
  name: string;
  ou: OuName;
  /** Undefined means "no owner tag" (a deliberate imperfection). */
  owner: string | undefined;
};

/**
 * Member accounts in creation order. Creation order matters: with moto's
 * seeded random generator it decides the account ids.
 */
export const MEMBER_ACCOUNTS: readonly MemberAccountSpec[] = [
  {
    role: 'log-archive',
    name: 'Log Archive',
    ou: 'Security',
    owner: PLATFORM_TEAM,
  },
  // Imperfection: Audit has no owner tag.
  { role: 'audit', name: 'Audit', ou: 'Security', owner: undefined },
  { role: 'identity', name: 'Identity', ou: 'Shared', owner: PLATFORM_TEAM },
  {
    role: 'operations',
    name: 'Operations',
    ou: 'Shared',
    owner: PLATFORM_TEAM,
  },
  { role: 'network', name: 'Network', ou: 'Shared', owner: PLATFORM_TEAM },
  { role: 'backup', name: 'Backup', ou: 'Shared', owner: PLATFORM_TEAM },
  {
    role: 'production',
    name: 'Production',
    ou: 'Workloads',
    owner: APP_DEVELOPERS,
  },
  { role: 'sandbox', name: 'Sandbox', ou: 'Workloads', owner: APP_DEVELOPERS },
];

/** `Log Archive` → `log-archive`. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Account e-mail convention: `aws-<slug>@<rootDomain>`. */
export function accountEmail(name: string, rootDomain: string): string {
  return `aws-${slugify(name)}@${rootDomain}`;
}

/** Tags for an account: owner (when given) and role. */
export function accountTags(
  role: string,
  owner: string | undefined,
): Record<string, string> {
  return owner === undefined
    ? { [ROLE_TAG]: role }
    : { [OWNER_TAG]: owner, [ROLE_TAG]: role };
}

/** The secondary region for cross-region backup copies. */
export function secondaryRegion(region: string): string {
  return region === 'us-west-2' ? 'us-east-1' : 'us-west-2';
}

/** `{a: 'b'}` → `[{Key: 'a', Value: 'b'}]` (Organizations, Route 53, ECR, SSM). */
export function toTagList(
  tags: Record<string, string>,
): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * The words generated estates are named with. None of the company, neutral
 * or app words is a role word of the suite's name or OU recognition, so an
 * account named with them says nothing about its role; the role words are
 * the ones a company would use for the role.
 */

export const COMPANIES = [
  'initech',
  'umbrella',
  'hooli',
  'vandelay',
  'soylent',
  'tyrell',
  'wonka',
  'stark',
] as const;

/** Words that name an account without naming a role. */
export const NEUTRAL_WORDS = [
  'hub',
  'keep',
  'forge',
  'atlas',
  'nexus',
  'beacon',
  'harbor',
  'summit',
  'anchor',
  'lantern',
] as const;

/** Products the workload accounts run. */
export const APPS = [
  'payments',
  'search',
  'checkout',
  'ledger',
  'orders',
  'media',
  'maps',
] as const;

/** Short region codes in account names, as companies write them. */
export const REGION_CODES: Record<string, string> = {
  'us-east-1': 'use1',
  'us-west-2': 'usw2',
  'eu-west-1': 'euw1',
  'eu-central-1': 'euc1',
  'ap-southeast-2': 'apse2',
};

/** Name words per guide role, as companies spell them. */
export const ROLE_WORDS = {
  'log-archive': ['logs', 'logging', 'log-archive'],
  audit: ['audit', 'security'],
  identity: ['sso', 'identity', 'idp'],
  network: ['net', 'network', 'networking'],
  backup: ['backups', 'backup', 'vault'],
  operations: ['ops', 'operations'],
  production: ['prod', 'prd', 'production'],
  sandbox: ['dev', 'sbx', 'sandbox', 'staging'],
} as const;

/** Services whose delegated administrator the emulator accepts, per role. */
export const DELEGATED_SERVICES = {
  audit: ['guardduty.amazonaws.com', 'access-analyzer.amazonaws.com'],
  operations: ['ssm.amazonaws.com'],
} as const;

/** How a company spells its account names. */
export const NAME_STYLES = ['kebab', 'snake', 'title'] as const;

/** A name style. */
export type NameStyle = (typeof NAME_STYLES)[number];

/** `['initech', 'prod', 'use1']` in a style: `initech-prod-use1`, `Initech Prod Use1`. */
export function styledName(words: readonly string[], style: NameStyle): string {
  if (style === 'snake') return words.join('_');
  if (style === 'title') {
    return words
      .map(word => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ');
  }
  return words.join('-');
}

/** Given and family names of the people in Identity Center. */
export const PEOPLE = {
  given: ['ana', 'ben', 'chen', 'dara', 'eli', 'fay', 'gus', 'hana', 'ivo'],
  family: ['ito', 'khan', 'lopez', 'moreau', 'novak', 'okafor', 'park'],
} as const;

/**
 * OU layouts, each nested: where production, sandbox and platform accounts
 * sit, the Security OU when the company has one, and the OU of suspended
 * accounts. `workloads` is the OU that says nothing of the stage.
 */
export const OU_LAYOUTS = [
  {
    production: ['Workloads/Prod'],
    sandbox: ['Workloads/NonProd'],
    platform: 'Infrastructure',
    security: 'Security',
    workloads: 'Workloads',
    suspended: 'Suspended',
  },
  {
    production: ['Apps/Production'],
    sandbox: ['Apps/Staging', 'Apps/Dev'],
    platform: 'Core',
    security: 'Core/Security',
    workloads: 'Apps',
    suspended: 'Closed',
  },
  {
    production: ['Business Units/Retail/Prod', 'Business Units/Wholesale/Prod'],
    sandbox: ['Business Units/Retail/Sandbox', 'Business Units/Wholesale/Test'],
    platform: 'Foundation',
    security: undefined,
    workloads: 'Business Units',
    suspended: 'Quarantine',
  },
] as const;

/** Permission sets no assignment uses, one of which each estate leaves idle. */
export const IDLE_PERMISSION_SETS = [
  'BillingAccess',
  'SupportAccess',
  'DataScientist',
] as const;

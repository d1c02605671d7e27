/**
 * The account roles of thoughtbot's AWS Platform Guide (a Control Tower
 * organization), in the order the guide lists them, plus `workload` for any
 * other account that runs applications.
 * @public
 */
export const ACCOUNT_ROLE_IDS = [
  'management',
  'log-archive',
  'audit',
  'identity',
  'operations',
  'network',
  'backup',
  'production',
  'sandbox',
  'workload',
] as const;

/**
 * An account's role in the guide's architecture.
 * @public
 */
export type AccountRole = (typeof ACCOUNT_ROLE_IDS)[number];

/**
 * What the guide says about an account role.
 * @public
 */
export interface AccountRoleInfo {
  id: AccountRole;
  title: string;
  /** The OU the landing zone puts such accounts in (`root` for management). */
  ou: 'root' | 'Security' | 'Shared' | 'Workloads';
  description: string;
  /** Runs applications on Flightdeck clusters. */
  workload: boolean;
  /** Created and owned by Control Tower itself. */
  controlTowerShared: boolean;
}

/**
 * The guide's account roles with their purpose.
 * @public
 */
export const ACCOUNT_ROLES: Record<AccountRole, AccountRoleInfo> = {
  management: {
    id: 'management',
    title: 'Management',
    ou: 'root',
    description:
      'Organization root: Control Tower, Organizations, Customizations for Control Tower and the Identity Center instance.',
    workload: false,
    controlTowerShared: false,
  },
  'log-archive': {
    id: 'log-archive',
    title: 'Log Archive',
    ou: 'Security',
    description: 'Control Tower shared account holding the CloudTrail archive.',
    workload: false,
    controlTowerShared: true,
  },
  audit: {
    id: 'audit',
    title: 'Audit',
    ou: 'Security',
    description:
      'Control Tower shared account for AWS Config aggregation and notifications.',
    workload: false,
    controlTowerShared: true,
  },
  identity: {
    id: 'identity',
    title: 'Identity',
    ou: 'Shared',
    description:
      'Delegated administrator for IAM Identity Center: permission sets and account assignments.',
    workload: false,
    controlTowerShared: false,
  },
  operations: {
    id: 'operations',
    title: 'Operations',
    ou: 'Shared',
    description:
      'CI/CD and central monitoring: ECR repositories, CI roles, Grafana, the Terraform hub role.',
    workload: false,
    controlTowerShared: false,
  },
  network: {
    id: 'network',
    title: 'Network',
    ou: 'Shared',
    description:
      'Central DNS and networking: Route 53 root zones that delegate stage subdomains.',
    workload: false,
    controlTowerShared: false,
  },
  backup: {
    id: 'backup',
    title: 'Backup',
    ou: 'Shared',
    description:
      'Isolated, locked-down backup vaults that workload accounts copy into.',
    workload: false,
    controlTowerShared: false,
  },
  production: {
    id: 'production',
    title: 'Production',
    ou: 'Workloads',
    description:
      'Production workloads on a Flightdeck EKS cluster, with their data stores and stage DNS zone.',
    workload: true,
    controlTowerShared: false,
  },
  sandbox: {
    id: 'sandbox',
    title: 'Sandbox',
    ou: 'Workloads',
    description:
      'Staging and development, identical in shape to production but smaller.',
    workload: true,
    controlTowerShared: false,
  },
  workload: {
    id: 'workload',
    title: 'Workload',
    ou: 'Workloads',
    description: 'Another account that runs workloads.',
    workload: true,
    controlTowerShared: false,
  },
};

/**
 * Whether a string names one of the guide's account roles.
 * @public
 */
export function isAccountRole(value: unknown): value is AccountRole {
  return (
    typeof value === 'string' &&
    (ACCOUNT_ROLE_IDS as readonly string[]).includes(value)
  );
}

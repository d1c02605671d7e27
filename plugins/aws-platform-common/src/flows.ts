import type { AccountRole } from './accountRoles';

/**
 * The kinds of flow the guide draws between account roles.
 * @public
 */
export type AccountFlowType =
  | 'delegates-admin'
  | 'deploys-baseline'
  | 'baseline-flow'
  | 'deploys-to'
  | 'pulls-images-from'
  | 'sends-metrics-to'
  | 'ships-cloudtrail-to'
  | 'delegates-dns-to'
  | 'copies-backups-to'
  | 'governs-backup-policy'
  | 'assigns-permission-sets';

/**
 * A typed flow between two account roles, as drawn in the guide.
 * @public
 */
export interface AccountFlow {
  from: AccountRole;
  to: AccountRole;
  type: AccountFlowType;
  description: string;
}

type FlowGroup = {
  from: AccountRole[];
  to: AccountRole[];
  type: AccountFlowType;
  description: string;
};

// Written as the guide states them (one source, several targets), expanded below.
const FLOW_GROUPS: FlowGroup[] = [
  {
    from: ['management'],
    to: ['identity'],
    type: 'delegates-admin',
    description: 'Identity Center delegated administrator',
  },
  {
    from: ['management'],
    to: ['operations', 'sandbox', 'production', 'network'],
    type: 'deploys-baseline',
    description: 'Customizations for Control Tower (StackSets)',
  },
  {
    from: ['operations'],
    to: ['sandbox', 'production', 'network'],
    type: 'baseline-flow',
    description: 'Terraform baseline from the hub role to spoke roles',
  },
  {
    from: ['operations'],
    to: ['sandbox', 'production'],
    type: 'deploys-to',
    description: 'CI/CD deploys to the EKS clusters',
  },
  {
    from: ['sandbox', 'production'],
    to: ['operations'],
    type: 'pulls-images-from',
    description: 'Clusters pull images from ECR in Operations',
  },
  {
    from: ['sandbox', 'production'],
    to: ['operations'],
    type: 'sends-metrics-to',
    description: 'Prometheus metrics read by Grafana in Operations',
  },
  {
    from: ['operations', 'sandbox', 'production', 'network'],
    to: ['log-archive'],
    type: 'ships-cloudtrail-to',
    description: 'CloudTrail to the organization trail bucket',
  },
  {
    from: ['network'],
    to: ['sandbox', 'production'],
    type: 'delegates-dns-to',
    description: 'NS records in the root zone for the stage subdomains',
  },
  {
    from: ['sandbox', 'production'],
    to: ['backup'],
    type: 'copies-backups-to',
    description: 'AWS Backup copy actions into the Backup account vault',
  },
  {
    from: ['backup'],
    to: ['sandbox', 'production'],
    type: 'governs-backup-policy',
    description:
      'Delegated administrator attaches the organization backup policy',
  },
  {
    from: ['identity'],
    to: [
      'backup',
      'identity',
      'network',
      'operations',
      'production',
      'sandbox',
    ],
    type: 'assigns-permission-sets',
    description: 'Permission sets and account assignments',
  },
];

/**
 * Every flow between account roles that the guide describes.
 * @public
 */
export const ACCOUNT_FLOWS: AccountFlow[] = FLOW_GROUPS.flatMap(group =>
  group.from.flatMap(from =>
    group.to.map(to => ({
      from,
      to,
      type: group.type,
      description: group.description,
    })),
  ),
);

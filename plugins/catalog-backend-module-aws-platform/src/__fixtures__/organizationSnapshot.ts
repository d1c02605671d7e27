import { OrganizationSnapshot } from '../organization/types';

/** The guide's reference organization, as readOrganization returns it. */
export const organizationSnapshot: OrganizationSnapshot = {
  organizationId: 'o-exampleorgid',
  organizationArn:
    'arn:aws:organizations::123456789012:organization/o-exampleorgid',
  managementAccountId: '123456789012',
  organizationalUnits: [
    {
      id: 'r-ab12',
      name: 'Root',
      arn: 'arn:aws:organizations::123456789012:root/o-exampleorgid/r-ab12',
      tags: {},
    },
    {
      id: 'ou-ab12-security',
      name: 'Security',
      arn: 'arn:aws:organizations::123456789012:ou/o-exampleorgid/ou-ab12-security',
      parentId: 'r-ab12',
      tags: { owner: 'security-team' },
    },
    {
      id: 'ou-ab12-workload',
      name: 'Workloads',
      arn: 'arn:aws:organizations::123456789012:ou/o-exampleorgid/ou-ab12-workload',
      parentId: 'r-ab12',
      tags: {},
    },
    {
      id: 'ou-ab12-payments',
      name: 'Payments',
      arn: 'arn:aws:organizations::123456789012:ou/o-exampleorgid/ou-ab12-payments',
      parentId: 'ou-ab12-workload',
      tags: {},
    },
  ],
  accounts: [
    {
      id: '123456789012',
      name: 'acme-root',
      email: 'aws-management@example.com',
      arn: 'arn:aws:organizations::123456789012:account/o-exampleorgid/123456789012',
      status: 'ACTIVE',
      joinedAt: '2024-01-02T03:04:05.000Z',
      parentId: 'r-ab12',
      tags: { owner: 'platform-team' },
    },
    {
      id: '111111111111',
      name: 'Audit',
      email: 'aws-audit@example.com',
      arn: 'arn:aws:organizations::123456789012:account/o-exampleorgid/111111111111',
      status: 'ACTIVE',
      parentId: 'ou-ab12-security',
      tags: {},
    },
    {
      id: '222222222222',
      name: 'Production',
      email: 'aws-production@example.com',
      arn: 'arn:aws:organizations::123456789012:account/o-exampleorgid/222222222222',
      status: 'ACTIVE',
      parentId: 'ou-ab12-workload',
      tags: { owner: 'app-developers', 'aws-platform/role': 'production' },
    },
    {
      id: '333333333333',
      name: 'Payments Production',
      email: 'aws-payments@example.com',
      arn: 'arn:aws:organizations::123456789012:account/o-exampleorgid/333333333333',
      status: 'SUSPENDED',
      parentId: 'ou-ab12-payments',
      tags: { owner: 'group:finance/payments' },
    },
  ],
};

import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * Every string the AWS Platform frontend shows.
 * @public
 */
export const awsPlatformTranslationRef = createTranslationRef({
  id: 'aws-platform',
  messages: {
    page: {
      title: 'AWS Platform',
    },
    accounts: {
      title: 'AWS accounts',
      subtitle:
        'Every account of the organization, by organizational unit and role in the platform',
      empty:
        'No AWS accounts in the catalog yet. Check catalog.providers.awsPlatform in the backend config and the backend logs.',
      columns: {
        account: 'Account',
        accountId: 'Account id',
        role: 'Role',
        ou: 'Organizational unit',
        owner: 'Owner',
        holds: 'Runs',
        findings: 'Needs attention',
      },
      holds:
        'DNS {{zones}} · EKS {{clusters}} · Vaults {{vaults}} · Plans {{plans}}',
      holdsNothing: '—',
      notActive: '{{status}}',
      findings: {
        'no-owner-tag': 'No owner tag',
        'delegation-drift': 'DNS delegation drift',
        'backup-not-covered': 'No backup copy',
        'eks-version-unsupported': 'EKS past support',
      },
      summary: '{{accounts}} accounts in {{ous}} organizational units',
    },
  },
});

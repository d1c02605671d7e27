import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown in the action's documentation and run as tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'Delegate staging.example.com from the Network account to the Sandbox account',
    example: yaml.stringify({
      steps: [
        {
          id: 'subdomain',
          action: 'aws-platform:route53:subdomain:create',
          name: 'Create the staging subdomain',
          input: {
            domainName: 'staging.example.com',
            account: 'resource:default/account-210987654321',
            owner: 'group:default/payments',
          },
        },
      ],
    }),
  },
  {
    description:
      'Delegate a subdomain to an account given by id, with more tags on the new zone',
    example: yaml.stringify({
      steps: [
        {
          id: 'subdomain',
          action: 'aws-platform:route53:subdomain:create',
          name: 'Create the payments subdomain',
          input: {
            domainName: 'payments.example.com',
            account: '210987654321',
            owner: 'group:default/payments',
            tags: { 'cost-center': 'cc-42' },
          },
        },
      ],
    }),
  },
  {
    description:
      'Point a drifted delegation back at the zone the suite made for this same subdomain, account and owner (needs aws-platform.route53.delegation.repair)',
    example: yaml.stringify({
      steps: [
        {
          id: 'subdomain',
          action: 'aws-platform:route53:subdomain:create',
          name: 'Repair the staging delegation',
          input: {
            domainName: 'staging.example.com',
            account: '210987654321',
            owner: 'group:default/payments',
            repairDelegation: true,
          },
        },
      ],
    }),
  },
];

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
            account: 'resource:default/sandbox-210987654321',
          },
        },
      ],
    }),
  },
  {
    description:
      'Delegate a subdomain to an account given by id, with tags on the new zone',
    example: yaml.stringify({
      steps: [
        {
          id: 'subdomain',
          action: 'aws-platform:route53:subdomain:create',
          name: 'Create the payments subdomain',
          input: {
            domainName: 'payments.example.com',
            account: '210987654321',
            tags: { owner: 'payments-team' },
          },
        },
      ],
    }),
  },
];

import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown in the action's documentation and run as tests. */
export const examples: TemplateExample[] = [
  {
    description:
      "A workload of the app-developers team with the guide's two stages: staging on the Sandbox cluster and production on the Production cluster, each chosen by catalog entity, hosts defaulting to <app>.<stage zone>, deploys from main",
    example: yaml.stringify({
      steps: [
        {
          id: 'workload',
          action: 'aws-platform:flightdeck:workload:create',
          name: 'Set up the workload in AWS',
          input: {
            name: 'storefront',
            githubRepository: 'acme/storefront',
            owner: 'group:default/app-developers',
            stages: [
              {
                name: 'staging',
                account: 'resource:default/account-171870262174',
                clusters: [
                  'resource:default/acme-sandbox-v1-171870262174-us-east-1',
                ],
              },
              {
                name: 'production',
                account: 'resource:default/account-715451680876',
                clusters: [
                  'resource:default/acme-production-v1-715451680876-us-east-1',
                ],
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'One stage given by account id and cluster name, with its own host, service account and deploy branches',
    example: yaml.stringify({
      steps: [
        {
          id: 'workload',
          action: 'aws-platform:flightdeck:workload:create',
          name: 'Set up the workload in AWS',
          input: {
            name: 'checkout',
            githubRepository: 'acme/checkout',
            owner: 'group:default/app-developers',
            serviceAccount: 'checkout-web',
            stages: [
              {
                name: 'staging',
                account: '171870262174',
                clusters: ['acme-sandbox-v1'],
                zone: 'sandbox.example.com',
                host: 'checkout-staging.sandbox.example.com',
                deployBranches: ['main', 'release/next'],
              },
            ],
          },
        },
      ],
    }),
  },
];

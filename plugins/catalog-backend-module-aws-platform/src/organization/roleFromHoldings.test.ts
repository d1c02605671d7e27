import type { PlanRecord } from '../backup/types';
import type { HostedZoneRecord } from '../dns/types';
import type { RepositoryRecord } from '../ecr/types';
import { AccountHoldings, roleFromHoldings } from './roleFromHoldings';

const ORG = 'o-globex12345';
const HUB = '100000000001';
const KEEP = '100000000002';
const FORGE = '100000000003';
const SHOP = '100000000004';
const SHOP_QA = '100000000005';
const OUTSIDE = '999999999999';
const ACCOUNTS = [HUB, KEEP, FORGE, SHOP, SHOP_QA];

function zone(
  name: string,
  delegations: string[] = [],
  extra: Partial<HostedZoneRecord> = {},
): HostedZoneRecord {
  return {
    id: `Z${name.replace(/\W/g, '').toUpperCase()}`,
    name,
    privateZone: false,
    recordCount: 2 + delegations.length,
    nameServers: [`ns-1.${name}`],
    delegations: delegations.map(child => ({
      name: child,
      nameServers: [`ns-1.${child}`],
    })),
    tags: {},
    ...extra,
  };
}

function plan(accountId: string, copyTo: string[]): PlanRecord {
  return {
    id: `plan-${accountId}`,
    arn: `arn:aws:backup:us-east-1:${accountId}:backup-plan:plan-${accountId}`,
    name: 'daily',
    region: 'us-east-1',
    accountId,
    rules: [
      {
        name: 'daily',
        targetVaultName: 'local',
        copyActions: copyTo.map(destinationVaultArn => ({
          destinationVaultArn,
        })),
      },
    ],
    selections: [],
    tags: {},
  };
}

const vault = (accountId: string, name = 'central') =>
  `arn:aws:backup:us-east-1:${accountId}:backup-vault:${name}`;

function repository(
  accountId: string,
  name: string,
  policy?: object,
): RepositoryRecord {
  return {
    name,
    arn: `arn:aws:ecr:us-east-1:${accountId}:repository/${name}`,
    accountId,
    region: 'us-east-1',
    ...(policy && { policy: JSON.stringify(policy) }),
  };
}

const pullPolicy = (...accountIds: string[]) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: accountIds.map(id => `arn:aws:iam::${id}:root`) },
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
    },
  ],
});

function holdings(parts: Partial<AccountHoldings>): AccountHoldings {
  return {
    organizationId: ORG,
    accountIds: ACCOUNTS,
    zones: [],
    backup: [],
    repositories: [],
    ...parts,
  };
}

describe('roleFromHoldings', () => {
  it('finds Network, Backup and Operations from what the accounts hold', () => {
    const evidence = roleFromHoldings(
      holdings({
        zones: [
          {
            accountId: HUB,
            zones: [
              zone('globex.example', [
                'shop.globex.example',
                'qa.globex.example',
              ]),
            ],
          },
          { accountId: SHOP, zones: [zone('shop.globex.example')] },
          { accountId: SHOP_QA, zones: [zone('qa.globex.example')] },
        ],
        backup: [{ accountId: SHOP, plans: [plan(SHOP, [vault(KEEP)])] }],
        repositories: [
          {
            accountId: FORGE,
            repositories: [
              repository(FORGE, 'globex/shop', pullPolicy(SHOP, SHOP_QA)),
              repository(FORGE, 'globex/tools'),
            ],
          },
        ],
      }),
    );
    expect(Object.fromEntries(evidence)).toEqual({
      [HUB]: [
        {
          role: 'network',
          source: 'holdings',
          detail:
            'public root zone globex.example delegates 2 subdomains to zones of 2 other accounts',
        },
      ],
      [KEEP]: [
        {
          role: 'backup',
          source: 'holdings',
          detail:
            'vault central receives backup copies from plans of 1 other account',
        },
      ],
      [FORGE]: [
        {
          role: 'operations',
          source: 'holdings',
          detail: '1 ECR repository that 2 other accounts may pull from',
        },
      ],
    });
  });

  it('takes no zone delegated to from another account for a root, nor a delegation within the account', () => {
    const evidence = roleFromHoldings(
      holdings({
        zones: [
          {
            accountId: HUB,
            zones: [zone('globex.example', ['shop.globex.example'])],
          },
          // The stage zone delegates on to a team's zone in another account:
          // it is a child of the hub's zone, not a root.
          {
            accountId: SHOP,
            zones: [
              zone('shop.globex.example', ['team.shop.globex.example']),
              zone('internal.globex.test', ['a.internal.globex.test']),
              zone('a.internal.globex.test'),
            ],
          },
          { accountId: SHOP_QA, zones: [zone('team.shop.globex.example')] },
        ],
      }),
    );
    expect([...evidence.keys()]).toEqual([HUB]);
  });

  it('ignores private zones and delegations to zones nobody in the organization holds', () => {
    const evidence = roleFromHoldings(
      holdings({
        zones: [
          {
            accountId: HUB,
            zones: [
              zone('globex.internal', ['shop.globex.internal'], {
                privateZone: true,
              }),
              zone('globex.example', ['elsewhere.globex.example']),
            ],
          },
          {
            accountId: SHOP,
            zones: [zone('shop.globex.internal', [], { privateZone: true })],
          },
        ],
      }),
    );
    expect(evidence.size).toBe(0);
  });

  it('gives every account that fits the evidence: a tie is for the resolver to report', () => {
    const evidence = roleFromHoldings(
      holdings({
        zones: [
          {
            accountId: HUB,
            zones: [zone('globex.example', ['shop.globex.example'])],
          },
          { accountId: KEEP, zones: [zone('globex.test', ['qa.globex.test'])] },
          { accountId: SHOP, zones: [zone('shop.globex.example')] },
          { accountId: SHOP_QA, zones: [zone('qa.globex.test')] },
        ],
      }),
    );
    expect(evidence.get(HUB)).toEqual([
      expect.objectContaining({ role: 'network' }),
    ]);
    expect(evidence.get(KEEP)).toEqual([
      expect.objectContaining({ role: 'network' }),
    ]);
  });

  it('counts copies into vaults of other accounts of the organization only', () => {
    const evidence = roleFromHoldings(
      holdings({
        backup: [
          {
            accountId: SHOP,
            plans: [
              // Its own vault in another region, and a vault outside the
              // organization, say nothing about the Backup account.
              plan(SHOP, [
                `arn:aws:backup:us-west-2:${SHOP}:backup-vault:dr`,
                vault(OUTSIDE),
                vault(KEEP, 'central'),
              ]),
            ],
          },
          {
            accountId: SHOP_QA,
            plans: [
              {
                ...plan(SHOP_QA, []),
                rules: [
                  {
                    name: 'air-gapped',
                    targetVaultName: 'local',
                    targetAirGappedVaultArn: vault(KEEP, 'air-gapped'),
                    copyActions: [],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(Object.fromEntries(evidence)).toEqual({
      [KEEP]: [
        {
          role: 'backup',
          source: 'holdings',
          detail:
            'vaults air-gapped, central receive backup copies from plans of 2 other accounts',
        },
      ],
    });
  });

  it('takes a repository the organization may pull from, not one only its own account or strangers may', () => {
    const evidence = roleFromHoldings(
      holdings({
        repositories: [
          {
            accountId: FORGE,
            repositories: [
              repository(FORGE, 'globex/base', {
                Statement: {
                  Effect: 'Allow',
                  Principal: '*',
                  Action: 'ecr:*',
                  Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } },
                },
              }),
            ],
          },
          {
            accountId: SHOP,
            repositories: [
              repository(SHOP, 'own', pullPolicy(SHOP)),
              repository(SHOP, 'vendor', pullPolicy(OUTSIDE)),
              repository(SHOP, 'public', {
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: '*',
                    Action: 'ecr:BatchGetImage',
                  },
                ],
              }),
            ],
          },
        ],
      }),
    );
    expect(Object.fromEntries(evidence)).toEqual({
      [FORGE]: [
        {
          role: 'operations',
          source: 'holdings',
          detail: '1 ECR repository that the organization may pull from',
        },
      ],
    });
  });

  it('gives no evidence about accounts outside the organization', () => {
    const evidence = roleFromHoldings(
      holdings({
        accountIds: [SHOP],
        backup: [{ accountId: SHOP, plans: [plan(SHOP, [vault(KEEP)])] }],
      }),
    );
    expect(evidence.size).toBe(0);
  });
});

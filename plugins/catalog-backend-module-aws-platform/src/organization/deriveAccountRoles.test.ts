import { deriveAccountRoles } from './deriveAccountRoles';
import type { RoleEvidence } from './roleEvidence';

const context = {
  managementAccountId: '100000000000',
  roleTagKey: 'aws-platform/role',
  roleOverrides: {},
};
const units = [
  { id: 'r-1', name: 'Root' },
  { id: 'ou-infra', name: 'Infrastructure', parentId: 'r-1' },
  { id: 'ou-workloads', name: 'Workloads', parentId: 'r-1' },
  { id: 'ou-prod', name: 'Prod', parentId: 'ou-workloads' },
];

describe('deriveAccountRoles', () => {
  it('reads the nested OU path of each account', () => {
    const roles = deriveAccountRoles(
      [
        {
          id: '200000000000',
          name: 'globex-billing',
          tags: {},
          parentId: 'ou-prod',
        },
      ],
      units,
      context,
    );
    expect(roles.get('200000000000')).toMatchObject({
      role: 'production',
      source: 'ou',
      alsoClaimedBy: [],
    });
  });

  it('says so when two accounts claim one singleton role from weak signals', () => {
    const roles = deriveAccountRoles(
      [
        {
          id: '300000000000',
          name: 'globex-shared-net',
          tags: {},
          parentId: 'ou-infra',
        },
        {
          id: '400000000000',
          name: 'globex-net-lab',
          tags: {},
          parentId: 'ou-infra',
        },
      ],
      units,
      context,
    );
    expect(roles.get('300000000000')).toMatchObject({
      role: 'network',
      confidence: 'low',
      alsoClaimedBy: ['400000000000'],
    });
    expect(roles.get('400000000000')?.alsoClaimedBy).toEqual(['300000000000']);
  });

  it('reports two accounts that both hold what Network holds, never picks one', () => {
    const evidence = (id: string): [string, RoleEvidence[]] => [
      id,
      [
        {
          role: 'network',
          source: 'holdings',
          detail: 'public root zone delegates',
        },
      ],
    ];
    const roles = deriveAccountRoles(
      ['300000000000', '400000000000'].map(id => ({
        id,
        name: `globex-core-${id[0]}`,
        tags: {},
        parentId: 'ou-infra',
      })),
      units,
      {
        ...context,
        holdings: new Map([evidence('300000000000'), evidence('400000000000')]),
      },
    );
    expect(roles.get('300000000000')).toMatchObject({
      role: 'network',
      source: 'holdings',
      confidence: 'low',
      alsoClaimedBy: ['400000000000'],
    });
    expect(roles.get('400000000000')).toMatchObject({
      role: 'network',
      source: 'holdings',
      confidence: 'low',
      alsoClaimedBy: ['300000000000'],
    });
  });

  it('lets many accounts be production: it is no singleton', () => {
    const roles = deriveAccountRoles(
      ['200000000001', '200000000002'].map(id => ({
        id,
        name: `globex-prod-${id.slice(-1)}`,
        tags: {},
        parentId: 'ou-prod',
      })),
      units,
      context,
    );
    expect(roles.get('200000000001')).toMatchObject({
      confidence: 'high',
      alsoClaimedBy: [],
    });
  });
});

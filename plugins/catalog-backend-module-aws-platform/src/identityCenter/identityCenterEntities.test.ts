import {
  ANNOTATION_ACCOUNT_ACCESS,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_INGESTION_SCOPE,
  ANNOTATION_PERMISSION_SET_ASSIGNMENTS,
  ANNOTATION_PERMISSION_SET_PROVISIONED,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { Entity } from '@backstage/catalog-model';
import { referenceMappingContext } from '../__fixtures__/referenceEstateContext';
import { identityCenterSnapshot } from './__fixtures__/identityCenterSnapshot';
import { withAccountAccess } from './accountAccess';
import { identityCenterToEntities } from './identityCenterEntities';
import { principalEntityName } from './principalNames';

const ctx = referenceMappingContext;
const entities = identityCenterToEntities(identityCenterSnapshot, ctx, {
  defaultOwner: 'group:default/platform-team',
});
const byName = (name: string) => entities.find(e => e.metadata.name === name)!;

describe('identityCenterToEntities', () => {
  it('maps users with their groups, and groups with their members', () => {
    expect(byName('jane.doe-example.com')).toMatchObject({
      kind: 'User',
      metadata: { title: 'Jane Doe' },
      spec: {
        profile: { displayName: 'Jane Doe', email: 'jane.doe@example.com' },
        memberOf: ['platform-team'],
      },
    });
    expect(byName('sam').spec).toEqual({
      profile: { displayName: 'Sam' },
      memberOf: [],
    });
    expect(byName('platform-team')).toMatchObject({
      kind: 'Group',
      spec: { type: 'team', children: [], members: ['jane.doe-example.com'] },
    });
    expect(byName('auditors').spec?.members).toEqual([]);
  });

  it('maps permission sets with their provisioned accounts and assignments', () => {
    const sets = entities.filter(e => e.kind === 'Resource');
    expect(sets.map(s => s.metadata.title)).toEqual([
      'AdministratorAccess',
      'BillingAccess',
    ]);
    const admin = sets[0];
    expect(admin.metadata.name).toBe('permission-set-ps-aaaaaaaaaaaaaaaa');
    expect(admin.spec).toEqual({
      type: 'aws-permission-set',
      owner: 'group:default/platform-team',
    });
    expect(
      admin.metadata.annotations?.[ANNOTATION_PERMISSION_SET_PROVISIONED],
    ).toBe('222222222222');
    expect(
      JSON.parse(
        admin.metadata.annotations![ANNOTATION_PERMISSION_SET_ASSIGNMENTS],
      ),
    ).toEqual([
      {
        accountId: '111111111111',
        principal: 'group:default/auditors',
        principalType: 'GROUP',
      },
      {
        accountId: '222222222222',
        principal: 'group:default/platform-team',
        principalType: 'GROUP',
      },
      {
        accountId: '222222222222',
        principal: 'user:default/sam',
        principalType: 'USER',
      },
    ]);
    expect(
      sets[1].metadata.annotations?.[ANNOTATION_PERMISSION_SET_PROVISIONED],
    ).toBe('');
  });

  it('puts every entity in the identity-center scope, at the provider location', () => {
    for (const entity of entities) {
      expect(entity.metadata.annotations).toMatchObject({
        [ANNOTATION_INGESTION_SCOPE]: 'identity-center',
        'backstage.io/managed-by-location': ctx.locationRef,
      });
    }
  });
});

describe('withAccountAccess', () => {
  const account = (id: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `account-${id}`,
      annotations: { [ANNOTATION_AWS_ACCOUNT_ID]: id },
    },
    spec: { type: 'aws-account', owner: 'group:default/platform-team' },
  });

  it('lists each account’s principals and sets, and relates them', () => {
    const [a, b, c] = withAccountAccess(
      [account('222222222222'), account('111111111111'), account('3')],
      entities,
    );
    expect(
      JSON.parse(a.metadata.annotations![ANNOTATION_ACCOUNT_ACCESS]),
    ).toEqual([
      {
        principal: 'group:default/platform-team',
        principalType: 'GROUP',
        permissionSet: 'AdministratorAccess',
      },
      {
        principal: 'user:default/sam',
        principalType: 'USER',
        permissionSet: 'AdministratorAccess',
      },
    ]);
    expect(a.spec?.dependencyOf).toEqual([
      'group:default/platform-team',
      'user:default/sam',
    ]);
    expect(b.spec?.dependencyOf).toEqual(['group:default/auditors']);
    expect(c.metadata.annotations?.[ANNOTATION_ACCOUNT_ACCESS]).toBe('[]');
    expect(c.spec?.dependencyOf).toBeUndefined();
  });
});

describe('principalEntityName', () => {
  it('keeps readable names and hashes what cannot be one', () => {
    expect(principalEntityName('platform-team', 'g')).toBe('platform-team');
    expect(principalEntityName('Platform Team', 'g')).toBe('platform-team');
    expect(principalEntityName('___', 'g-1')).toMatch(/^[a-z0-9-]+$/);
    expect(
      principalEntityName('x'.repeat(80), 'g-1').length,
    ).toBeLessThanOrEqual(63);
  });
});

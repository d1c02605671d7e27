import {
  Entity,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import { organizationToEntities } from './organizationEntities';

const options = {
  ownerTagKey: 'owner',
  roleTagKey: 'aws-platform/role',
  defaultOwner: 'group:default/platform-team',
  roleOwners: { audit: 'group:default/security-team' },
  roleOverrides: {},
  locationRef: 'aws-platform:organization/o-exampleorgid',
};

function byName(entities: Entity[], name: string): Entity {
  const entity = entities.find(e => e.metadata.name === name);
  if (!entity) throw new Error(`no entity ${name}`);
  return entity;
}

describe('organizationToEntities', () => {
  const entities = organizationToEntities(organizationSnapshot, options);

  it('emits one valid Resource per OU, root and account', async () => {
    expect(entities).toHaveLength(8);
    for (const entity of entities) {
      await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
    }
    expect(new Set(entities.map(e => e.metadata.name)).size).toBe(8);
  });

  it('maps an account with its role, owner, OU path and ids', () => {
    const production = byName(entities, 'production-222222222222');
    expect(production.spec).toEqual({
      type: 'aws-account',
      owner: 'group:default/app-developers',
      partOf: 'resource:default/workloads-ou-ab12-workload',
    });
    expect(production.metadata.labels).toEqual({
      'aws-platform.io/account-role': 'production',
      'aws-platform.io/ou': 'workloads',
    });
    expect(production.metadata.annotations).toMatchObject({
      'amazonaws.com/account-id': '222222222222',
      'amazonaws.com/arn':
        'arn:aws:organizations::123456789012:account/o-exampleorgid/222222222222',
      'aws-platform.io/ou-path': 'Root/Workloads',
      'aws-platform.io/role-source': 'tag',
      'aws-platform.io/owner-source': 'tag',
      'backstage.io/managed-by-location': options.locationRef,
      'backstage.io/managed-by-origin-location': options.locationRef,
    });
  });

  it('finds the management account by id and falls back to role and default owners', () => {
    const management = byName(entities, 'acme-root-123456789012');
    expect(management.metadata.labels?.['aws-platform.io/account-role']).toBe(
      'management',
    );
    expect(management.spec?.partOf).toBe('resource:default/root-r-ab12');

    const audit = byName(entities, 'audit-111111111111');
    expect(audit.spec?.owner).toBe('group:default/security-team');
    expect(audit.metadata.annotations?.['aws-platform.io/owner-source']).toBe(
      'role',
    );
  });

  it('keeps nested OU paths and entity-ref owner tags', () => {
    const payments = byName(entities, 'payments-production-333333333333');
    expect(payments.metadata.annotations?.['aws-platform.io/ou-path']).toBe(
      'Root/Workloads/Payments',
    );
    expect(
      payments.metadata.annotations?.['aws-platform.io/account-status'],
    ).toBe('SUSPENDED');
    expect(payments.spec?.owner).toBe('group:finance/payments');
    expect(byName(entities, 'payments-ou-ab12-payments').spec?.partOf).toBe(
      'resource:default/workloads-ou-ab12-workload',
    );
  });

  it('gives the root no parent and OUs their owners', () => {
    const root = byName(entities, 'root-r-ab12');
    expect(root.spec?.partOf).toBeUndefined();
    expect(byName(entities, 'security-ou-ab12-security').spec?.owner).toBe(
      'group:default/security-team',
    );
  });
});

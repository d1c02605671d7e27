import {
  Entity,
  FieldFormatEntityPolicy,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import { organizationToEntities } from './organizationEntities';
import { OrganizationSnapshot } from './types';

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
    const production = byName(entities, 'account-222222222222');
    expect(production.spec).toEqual({
      type: 'aws-account',
      owner: 'group:default/app-developers',
      partOf: 'resource:default/ou-ab12-workload',
    });
    expect(production.metadata.labels).toEqual({
      'aws-platform-suite.github.io/account-role': 'production',
      'aws-platform-suite.github.io/ou': 'workloads',
      'amazonaws.com/account-status': 'active',
    });
    expect(production.metadata.annotations).toMatchObject({
      'amazonaws.com/account-id': '222222222222',
      'amazonaws.com/arn':
        'arn:aws:organizations::123456789012:account/o-exampleorgid/222222222222',
      'aws-platform-suite.github.io/ou-path': 'Root/Workloads',
      'aws-platform-suite.github.io/role-source': 'tag',
      'aws-platform-suite.github.io/owner-source': 'tag',
      'backstage.io/managed-by-location': options.locationRef,
      'backstage.io/managed-by-origin-location': options.locationRef,
    });
  });

  it('finds the management account by id and falls back to role and default owners', () => {
    const management = byName(entities, 'account-123456789012');
    expect(
      management.metadata.labels?.['aws-platform-suite.github.io/account-role'],
    ).toBe('management');
    expect(management.spec?.partOf).toBe('resource:default/r-ab12');

    const audit = byName(entities, 'account-111111111111');
    expect(audit.spec?.owner).toBe('group:default/security-team');
    expect(
      audit.metadata.annotations?.['aws-platform-suite.github.io/owner-source'],
    ).toBe('role');
  });

  it('keeps nested OU paths and entity-ref owner tags', () => {
    const payments = byName(entities, 'account-333333333333');
    expect(
      payments.metadata.annotations?.['aws-platform-suite.github.io/ou-path'],
    ).toBe('Root/Workloads/Payments');
    // Upstream's keys: the status a lower-case label, as core's processor writes it.
    expect(payments.metadata.labels?.['amazonaws.com/account-status']).toBe(
      'suspended',
    );
    expect(payments.metadata.annotations).toMatchObject({
      'amazonaws.com/organization-id': expect.stringMatching(/^o-/),
      'amazonaws.com/account-email': expect.stringContaining('@'),
    });
    expect(payments.spec?.owner).toBe('group:finance/payments');
    expect(byName(entities, 'ou-ab12-payments').spec?.partOf).toBe(
      'resource:default/ou-ab12-workload',
    );
  });

  it('gives the root no parent and OUs their owners', () => {
    const root = byName(entities, 'r-ab12');
    expect(root.spec?.partOf).toBeUndefined();
    expect(byName(entities, 'ou-ab12-security').spec?.owner).toBe(
      'group:default/security-team',
    );
  });

  it('names accounts and OUs by id only, so a rename changes the title, not the ref', () => {
    const renamed: OrganizationSnapshot = {
      ...organizationSnapshot,
      organizationalUnits: organizationSnapshot.organizationalUnits.map(unit =>
        unit.id === 'ou-ab12-workload' ? { ...unit, name: 'Apps' } : unit,
      ),
      accounts: organizationSnapshot.accounts.map(account =>
        account.id === '222222222222'
          ? { ...account, name: 'Production (EU)' }
          : account,
      ),
    };
    const after = organizationToEntities(renamed, options);
    expect(after.map(e => e.metadata.name)).toEqual(
      entities.map(e => e.metadata.name),
    );
    const production = byName(after, 'account-222222222222');
    expect(production.metadata.title).toBe('Production (EU)');
    expect(production.spec?.partOf).toBe('resource:default/ou-ab12-workload');
    expect(byName(after, 'ou-ab12-workload').metadata.title).toBe('Apps');
  });

  it('keeps accounts and OUs whose names differ only in case or separators apart', () => {
    const [root] = organizationSnapshot.organizationalUnits;
    const [account] = organizationSnapshot.accounts;
    const lookalikes: OrganizationSnapshot = {
      ...organizationSnapshot,
      organizationalUnits: [
        root,
        { ...root, id: 'ou-ab12-team1111', name: 'My_Team', parentId: root.id },
        { ...root, id: 'ou-ab12-team2222', name: 'my-team', parentId: root.id },
      ],
      accounts: [
        {
          ...account,
          id: '444444444444',
          name: 'Data_Lake',
          parentId: root.id,
        },
        {
          ...account,
          id: '555555555555',
          name: 'data-lake',
          parentId: root.id,
        },
      ],
    };
    const names = organizationToEntities(lookalikes, options).map(
      e => e.metadata.name,
    );
    expect(names).toEqual([
      'r-ab12',
      'ou-ab12-team1111',
      'ou-ab12-team2222',
      'account-444444444444',
      'account-555555555555',
    ]);
  });

  it('emits valid names and labels when a long OU name is cut at a separator', async () => {
    // Cut at 63 characters, this name ends in '-'.
    const longName = `${'Platform '.repeat(7)}Team`;
    expect(longName.slice(0, 63).endsWith(' ')).toBe(true);
    const [root] = organizationSnapshot.organizationalUnits;
    const [account] = organizationSnapshot.accounts;
    const snapshot: OrganizationSnapshot = {
      ...organizationSnapshot,
      organizationalUnits: [
        root,
        { ...root, id: 'ou-ab12-longname', name: longName, parentId: root.id },
      ],
      accounts: [{ ...account, parentId: 'ou-ab12-longname' }],
    };
    const policy = new FieldFormatEntityPolicy();
    const result = organizationToEntities(snapshot, options);
    for (const entity of result) {
      await expect(policy.enforce(entity)).resolves.toBe(entity);
    }
    expect(
      byName(result, 'account-123456789012').metadata.labels?.[
        'aws-platform-suite.github.io/ou'
      ],
    ).toMatch(/^platform-(platform-)+platform$/);
  });
});

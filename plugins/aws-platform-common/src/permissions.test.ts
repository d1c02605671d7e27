import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  awsAccountEntityRef,
  awsPlatformActionPermissions,
  awsPlatformBackendPermissions,
  awsPlatformLiveStatusReadPermission,
  awsPlatformPermissions,
  awsPlatformProductionChangePermission,
} from './permissions';

describe('the suite’s permissions', () => {
  it.each([
    awsPlatformLiveStatusReadPermission,
    awsPlatformProductionChangePermission,
  ])('makes $name a catalog-entity resource permission', permission => {
    expect(isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)).toBe(
      true,
    );
  });

  it('keeps the action permissions basic', () => {
    const basic = awsPlatformPermissions
      .filter(p => p.type === 'basic')
      .map(p => p.name)
      .sort();
    expect(basic).toEqual([
      'aws-platform.backup.plan.create',
      'aws-platform.flightdeck.workload.create',
      'aws-platform.route53.delegation.repair',
      'aws-platform.route53.subdomain.create',
      'aws-platform.status.read',
    ]);
  });

  it('lists each permission once, in the backend’s or the actions’ list', () => {
    const names = awsPlatformPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(7);
    const backend = awsPlatformBackendPermissions.map(p => p.name);
    expect(
      awsPlatformActionPermissions.filter(p => backend.includes(p.name)),
    ).toEqual([]);
  });
});

describe('awsAccountEntityRef', () => {
  it('names the account entity the ingestion makes', () => {
    expect(awsAccountEntityRef('210987654321')).toBe(
      'resource:default/account-210987654321',
    );
  });

  it.each(['', '21098765432', '2109876543210', 'account-210987654321'])(
    'refuses %p',
    id => {
      expect(() => awsAccountEntityRef(id)).toThrow(/is not an AWS account id/);
    },
  );
});

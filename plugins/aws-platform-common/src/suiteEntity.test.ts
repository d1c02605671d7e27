import type { Entity } from '@backstage/catalog-model';
import {
  isSuiteEntity,
  isSuiteLocationRef,
  suiteLocationRef,
} from './suiteEntity';

function account(
  annotations: Record<string, string>,
  kind = 'Resource',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'production-715451680876', annotations },
    spec: { type: 'aws-account', owner: 'group:default/platform-team' },
  };
}

const SUITE = suiteLocationRef('o-abc123');
const locations = (location: string, origin = location) => ({
  'backstage.io/managed-by-location': location,
  'backstage.io/managed-by-origin-location': origin,
});

describe('isSuiteLocationRef', () => {
  it('accepts the suite’s location of any organization', () => {
    expect(SUITE).toBe('aws-platform:organization/o-abc123');
    expect(isSuiteLocationRef(SUITE)).toBe(true);
  });

  it.each([
    undefined,
    '',
    'aws-platform:organization',
    'aws-platform:organization/',
    'AWS-PLATFORM:organization/o-abc123',
    'url:https://example.com/aws-platform:organization/o-abc123',
    'file:/tmp/catalog-info.yaml',
  ])('refuses %p', location => {
    expect(isSuiteLocationRef(location)).toBe(false);
  });
});

describe('isSuiteEntity', () => {
  it('accepts an entity the suite emitted', () => {
    expect(isSuiteEntity(account(locations(SUITE)))).toBe(true);
  });

  it('refuses a look-alike registered from a catalog file', () => {
    const lookAlike = account({
      ...locations('url:https://github.com/acme/catalog/blob/main/fake.yaml'),
      'amazonaws.com/account-id': '715451680876',
      'aws-platform-suite.github.io/organization-id': 'o-abc123',
    });
    expect(isSuiteEntity(lookAlike)).toBe(false);
  });

  it('refuses an entity whose origin is not the suite', () => {
    expect(
      isSuiteEntity(
        account(locations(SUITE, 'url:https://example.com/x.yaml')),
      ),
    ).toBe(false);
  });

  it('refuses other kinds and types even at the suite’s location', () => {
    expect(isSuiteEntity(account(locations(SUITE), 'Component'))).toBe(false);
    expect(
      isSuiteEntity({
        ...account(locations(SUITE)),
        spec: { type: 'database' },
      }),
    ).toBe(false);
  });
});

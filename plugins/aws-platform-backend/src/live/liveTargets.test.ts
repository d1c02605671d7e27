import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  PLAN_ID,
  PRODUCTION,
  productionCluster,
  productionPlan,
  productionVault,
  productionZone,
  registeredCluster,
  rootZone,
} from './__fixtures__/liveEntities';
import {
  backupTargetOf,
  clusterTargetOf,
  parseRequestedRef,
  zoneTargetOf,
} from './liveTargets';

function withAnnotations(
  entity: Entity,
  annotations: Record<string, string | undefined>,
): Entity {
  const merged = { ...entity.metadata.annotations, ...annotations };
  for (const key of Object.keys(merged)) {
    if (merged[key] === undefined) delete merged[key];
  }
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: merged as Record<string, string>,
    },
  };
}

describe('parseRequestedRef', () => {
  it('normalizes full refs and defaults the namespace', () => {
    expect(parseRequestedRef('Resource:default/acme')).toBe(
      'resource:default/acme',
    );
    expect(parseRequestedRef('resource:acme')).toBe('resource:default/acme');
  });

  it.each([undefined, '', ' ', 'acme', 'resource:default/', ['resource:x']])(
    'rejects %j with an InputError',
    value => {
      expect(() => parseRequestedRef(value)).toThrow(InputError);
    },
  );
});

describe('clusterTargetOf', () => {
  it('reads account, region and name from the ingested ARN', () => {
    expect(clusterTargetOf(productionCluster)).toEqual({
      accountId: PRODUCTION,
      region: 'us-east-1',
      name: 'acme-production-v1',
    });
  });

  it('refuses other entity types, unsuited annotations and hand-written entities', () => {
    expect(() => clusterTargetOf(productionZone)).toThrow(
      /is not an EKS cluster entity/,
    );
    expect(() =>
      clusterTargetOf(
        withAnnotations(productionCluster, { 'amazonaws.com/arn': undefined }),
      ),
    ).toThrow(/lacks a valid amazonaws.com\/arn annotation/);
    expect(() =>
      clusterTargetOf(
        withAnnotations(productionCluster, {
          'amazonaws.com/arn':
            'arn:aws:eks:us-east-1:111122223333:cluster/acme-production-v1',
        }),
      ),
    ).toThrow(/names account 111122223333/);
    expect(() => clusterTargetOf(registeredCluster)).toThrow(
      /was not ingested by the AWS Platform suite/,
    );
    expect(() => clusterTargetOf(registeredCluster)).toThrow(InputError);
  });
});

describe('zoneTargetOf', () => {
  it('reads the zone and the ref of its parent zone', () => {
    expect(zoneTargetOf(productionZone)).toEqual({
      zone: {
        accountId: PRODUCTION,
        id: '1FO2WB0DZ6XPYFXOBUGVJI',
        name: 'production.example.com',
        private: false,
      },
      parentRef: 'resource:default/example-com-4db3f07b',
    });
    expect(zoneTargetOf(rootZone).parentRef).toBeUndefined();
  });

  it('refuses a zone without spec.zone or a hosted zone ARN', () => {
    expect(() =>
      zoneTargetOf({ ...productionZone, spec: { type: 'dns-zone' } }),
    ).toThrow(/has no spec.zone/);
    expect(() =>
      zoneTargetOf(
        withAnnotations(productionZone, {
          'amazonaws.com/arn': 'arn:aws:route53:::healthcheck/abc',
        }),
      ),
    ).toThrow(InputError);
  });
});

describe('backupTargetOf', () => {
  it('reads a vault from its ARN', () => {
    expect(backupTargetOf(productionVault)).toEqual({
      kind: 'vault',
      accountId: PRODUCTION,
      region: 'us-east-1',
      name: 'user-backup-vault',
      arn: `arn:aws:backup:us-east-1:${PRODUCTION}:backup-vault:user-backup-vault`,
    });
  });

  it('reads a plan from its ARN, with the vaults its rules write to', () => {
    expect(backupTargetOf(productionPlan)).toEqual({
      kind: 'plan',
      accountId: PRODUCTION,
      region: 'us-east-1',
      id: PLAN_ID,
      vaultNames: ['user-backup-vault'],
    });
  });

  it('refuses a vault ARN of another account and non-backup entities', () => {
    expect(() =>
      backupTargetOf(
        withAnnotations(productionVault, {
          'amazonaws.com/arn':
            'arn:aws:backup:us-east-1:111122223333:backup-vault:user-backup-vault',
        }),
      ),
    ).toThrow(/for a vault of account/);
    expect(() => backupTargetOf(productionCluster)).toThrow(
      /is not an AWS Backup vault or plan entity/,
    );
  });
});

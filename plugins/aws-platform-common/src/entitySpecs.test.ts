import { Entity } from '@backstage/catalog-model';
import {
  clusterSpecOf,
  parseVaultArn,
  planSpecOf,
  zoneSpecOf,
} from './entitySpecs';

const entity = (
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'x', annotations },
  spec: { owner: 'group:default/platform-team', ...spec },
});

describe('entity spec readers', () => {
  it('read what the backend writes and leave out what does not fit', () => {
    const zone = zoneSpecOf(
      entity(
        {
          type: 'dns-zone',
          zone: {
            id: 'Z1',
            name: 'sandbox.example.com',
            private: false,
            recordCount: 'many',
            nameServers: ['ns-1.awsdns-01.org', 7],
            delegation: {
              status: 'drift',
              missing: ['ns-1.awsdns-01.org'],
              extra: ['ns-9999.awsdns-99.net'],
            },
          },
        },
        { 'aws-platform-suite.github.io/delegation-status': 'drift' },
      ),
    );
    expect(zone).toMatchObject({
      name: 'sandbox.example.com',
      nameServers: ['ns-1.awsdns-01.org'],
    });
    expect(zone?.recordCount).toBeUndefined();
    expect(zone?.delegation.status).toBe('drift');
  });

  it('give undefined for entities without the block', () => {
    expect(zoneSpecOf(entity({ type: 'dns-zone' }))).toBeUndefined();
    expect(
      clusterSpecOf(entity({ type: 'kubernetes-cluster' })),
    ).toBeUndefined();
    expect(
      planSpecOf(entity({ type: 'aws-backup-plan', plan: 'nope' })),
    ).toBeUndefined();
  });

  it('parse vault ARNs in any partition and refuse anything else', () => {
    expect(
      parseVaultArn(
        'arn:aws:backup:us-east-1:499091334123:backup-vault:user-backup-vault',
      ),
    ).toEqual({
      region: 'us-east-1',
      accountId: '499091334123',
      name: 'user-backup-vault',
    });
    expect(
      parseVaultArn(
        'arn:aws-us-gov:backup:us-gov-west-1:499091334123:backup-vault:v',
      )?.region,
    ).toBe('us-gov-west-1');
    expect(parseVaultArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});

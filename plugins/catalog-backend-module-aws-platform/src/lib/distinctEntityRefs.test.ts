import { Entity } from '@backstage/catalog-model';
import { backupToEntities } from '../backup/backupEntities';
import { vault } from '../backup/__fixtures__/backupEstate';
import { clusterScopes } from '../eks/__fixtures__/clusterScopes';
import { clustersToEntities } from '../eks/clusterEntities';
import {
  PRODUCTION,
  referenceMappingContext,
} from '../__fixtures__/referenceEstateContext';
import { distinctEntityRefs } from './distinctEntityRefs';

const today = new Date('2026-11-25T12:00:00Z');

// An EKS cluster and a backup vault may share a name in one account and
// region; their entity names then meet.
function clusterAndVaultNamed(name: string): Entity[] {
  const cluster = {
    ...clusterScopes[1].clusters[0],
    name,
    arn: `arn:aws:eks:us-east-1:${PRODUCTION}:cluster/${name}`,
  };
  return [
    ...clustersToEntities(
      [{ accountId: PRODUCTION, region: 'us-east-1', clusters: [cluster] }],
      referenceMappingContext,
      { today },
    ),
    ...backupToEntities(
      [
        {
          accountId: PRODUCTION,
          region: 'us-east-1',
          vaults: [
            {
              ...vault(PRODUCTION, 'us-east-1'),
              name,
              arn: `arn:aws:backup:us-east-1:${PRODUCTION}:backup-vault:${name}`,
            },
          ],
          plans: [],
        },
      ],
      referenceMappingContext,
    ),
  ];
}

describe('distinctEntityRefs', () => {
  it('keeps the first entity of a name and reports the other, with both ARNs and its scope', () => {
    const [cluster, sameNamedVault] = clusterAndVaultNamed('shared');
    expect(cluster.metadata.name).toBe(sameNamedVault.metadata.name);

    const result = distinctEntityRefs([cluster, sameNamedVault]);

    expect(result.entities).toEqual([cluster]);
    expect(result.duplicates).toEqual([
      {
        scope: `backup:${PRODUCTION}:us-east-1`,
        errorName: 'DuplicateEntityName',
        message: expect.stringMatching(
          /backup-vault:shared was left out: .* taken by arn:aws:eks:.*cluster\/shared$/,
        ),
      },
    ]);
  });

  it('treats refs that differ only in case as one, as the catalog does', () => {
    const [cluster] = clusterAndVaultNamed('shared');
    const upper = {
      ...cluster,
      metadata: {
        ...cluster.metadata,
        name: cluster.metadata.name.toUpperCase(),
      },
    };
    const result = distinctEntityRefs([upper], [cluster]);
    expect(result.entities).toEqual([]);
    expect(result.duplicates).toHaveLength(1);
  });

  it('passes distinct entities through unchanged and in order', () => {
    const [, vaultAlpha] = clusterAndVaultNamed('alpha');
    const [clusterBeta] = clusterAndVaultNamed('beta');
    const [clusterAlpha] = clusterAndVaultNamed('alpha-2');
    const entities = [vaultAlpha, clusterBeta, clusterAlpha];
    expect(distinctEntityRefs(entities)).toEqual({
      entities,
      duplicates: [],
    });
  });
});

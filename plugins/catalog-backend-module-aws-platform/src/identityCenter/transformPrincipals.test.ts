import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ACCOUNT_ACCESS,
  ANNOTATION_INGESTION_SCOPE,
  ANNOTATION_PERMISSION_SET_ASSIGNMENTS,
  AWS_PERMISSION_SET_TYPE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AwsPlatformEntityTransformer } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { referenceMappingContext } from '../__fixtures__/referenceEstateContext';
import { identityCenterSnapshot } from './__fixtures__/identityCenterSnapshot';
import type { TransformerKey } from '../ingestion/applyTransformers';
import { withAccountAccess } from './accountAccess';
import { identityCenterToEntities } from './identityCenterEntities';
import { transformPrincipals } from './transformPrincipals';

const entities = identityCenterToEntities(
  identityCenterSnapshot,
  referenceMappingContext,
  { defaultOwner: 'group:default/platform-team' },
);

const transformersOf = (
  entries: [TransformerKey, AwsPlatformEntityTransformer][],
) => new Map(entries);

const named = (list: Entity[], name: string) =>
  list.find(e => e.metadata.name === name);

const assignedPrincipals = (list: Entity[]) =>
  list
    .filter(e => e.spec?.type === AWS_PERMISSION_SET_TYPE)
    .flatMap(e =>
      JSON.parse(
        e.metadata.annotations?.[ANNOTATION_PERMISSION_SET_ASSIGNMENTS] ?? '[]',
      ).map((a: { principal: string }) => a.principal),
    )
    .sort();

// A company whose groups are `team-<name>` in its other catalog sources.
const prefixGroups: AwsPlatformEntityTransformer = group => ({
  ...group,
  metadata: { ...group.metadata, name: `team-${group.metadata.name}` },
});

describe('transformPrincipals', () => {
  it('returns the entities as they are when no user or group transformer is set', async () => {
    const clusterOnly = transformersOf([['kubernetes-cluster', e => e]]);
    await expect(transformPrincipals(entities, clusterOnly)).resolves.toBe(
      entities,
    );
  });

  it('follows a group rename into memberships, assignments and account access', async () => {
    const result = await transformPrincipals(
      entities,
      transformersOf([['group', prefixGroups]]),
    );
    expect(named(result, 'team-platform-team')?.kind).toBe('Group');
    expect(named(result, 'platform-team')).toBeUndefined();
    expect(named(result, 'jane.doe-example.com')?.spec?.memberOf).toEqual([
      'group:default/team-platform-team',
    ]);
    expect(assignedPrincipals(result)).toEqual([
      'group:default/team-auditors',
      'group:default/team-platform-team',
      'user:default/sam',
    ]);
    const [account] = withAccountAccess(
      [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: 'an-account',
            annotations: { 'amazonaws.com/account-id': '222222222222' },
          },
          spec: { type: 'aws-account' },
        },
      ],
      result.filter(e => e.spec?.type === AWS_PERMISSION_SET_TYPE),
    );
    const access = JSON.parse(
      account.metadata.annotations?.[ANNOTATION_ACCOUNT_ACCESS] ?? '[]',
    );
    expect(
      access.map((entry: { principal: string }) => entry.principal),
    ).toEqual(['group:default/team-platform-team', 'user:default/sam']);
  });

  it('renames a user in its groups, and keeps the ingestion annotations a transformer removes', async () => {
    const result = await transformPrincipals(
      entities,
      transformersOf([
        [
          'user',
          // Drops the annotations too: the ingestion's own come back.
          user => ({
            ...user,
            metadata: {
              name:
                user.metadata.name === 'jane.doe-example.com'
                  ? 'jane'
                  : user.metadata.name,
            },
          }),
        ],
      ]),
    );
    expect(named(result, 'platform-team')?.spec?.members).toEqual([
      'user:default/jane',
    ]);
    expect(
      named(result, 'jane')?.metadata.annotations?.[ANNOTATION_INGESTION_SCOPE],
    ).toBe('identity-center');
  });

  it('keeps the references of a principal a transformer drops', async () => {
    const result = await transformPrincipals(
      entities,
      transformersOf([
        [
          'group',
          group => (group.metadata.name === 'auditors' ? undefined : group),
        ],
      ]),
    );
    expect(named(result, 'auditors')).toBeUndefined();
    expect(assignedPrincipals(result)).toContain('group:default/auditors');
  });
});

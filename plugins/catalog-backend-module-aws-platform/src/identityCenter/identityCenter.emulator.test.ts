import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_ACCOUNT_ACCESS,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_PERMISSION_SET_PROVISIONED,
  AccountAccessEntry,
  parseJsonListAnnotation,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useReferenceEstate } from '@internal/local-aws';
import request from 'supertest';
import { startEstateCatalog } from '../__testUtils__/estateCatalog';

// The real catalog backend with Identity Center ingestion enabled, against
// moto seeded with the reference estate (packages/local-aws): the Identity
// account's instance is found by ListInstances, every call goes through the
// suite's client factory. Everything here runs on the emulator; moto
// implements every SSO Admin and Identity Store call the reader makes.
jest.setTimeout(240_000);

const local = useReferenceEstate();

type Server = Parameters<typeof request>[0];

async function query(server: Server, filter: string): Promise<Entity[]> {
  const response = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({ filter, limit: 200 });
  return response.body.items ?? [];
}

async function waitFor<T>(
  fn: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await fn();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

const relationTargets = (entity: Entity | undefined, type: string) =>
  (entity?.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

describe('Identity Center ingestion of the reference estate', () => {
  it('emits users, groups, permission sets and each account’s access', async () => {
    const server = await startEstateCatalog({
      regions: ['us-east-1'],
      identityCenter: { enabled: true, region: 'us-east-1' },
    });

    const groups = await waitFor(
      () => query(server, 'kind=group'),
      items =>
        items.length >= 5 &&
        items.every(
          g =>
            relationTargets(g, 'hasMember').length > 0 ||
            g.metadata.name === 'aws-auditors',
        ),
    );
    expect(groups.map(g => g.metadata.name).sort()).toEqual([
      'app-developers',
      'aws-auditors',
      'aws-production-admins',
      'aws-sandbox-developers',
      'platform-team',
    ]);
    const group = (name: string) => groups.find(g => g.metadata.name === name);
    expect(
      relationTargets(group('aws-sandbox-developers'), 'hasMember'),
    ).toEqual([
      'user:default/carol.dev',
      'user:default/dave.dev',
      'user:default/erin.contractor',
    ]);
    expect(relationTargets(group('aws-auditors'), 'hasMember')).toEqual([]);

    const users = await waitFor(
      () => query(server, 'kind=user'),
      items => items.length >= 5,
    );
    expect(users.map(u => u.metadata.name).sort()).toEqual([
      'alice.platform',
      'bob.platform',
      'carol.dev',
      'dave.dev',
      'erin.contractor',
    ]);
    const erin = users.find(u => u.metadata.name === 'erin.contractor')!;
    expect(erin.spec?.profile).toEqual({
      displayName: 'Erin Contractor',
      email: 'erin.contractor@example.com',
    });

    // Account access, and relations people can follow both ways.
    const production = local.estate.accounts.production.id;
    const accounts = await waitFor(
      () => query(server, 'kind=resource,spec.type=aws-account'),
      items =>
        items.some(
          a =>
            a.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] ===
              production && relationTargets(a, 'dependencyOf').length > 0,
        ),
    );
    const productionAccount = accounts.find(
      a => a.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] === production,
    )!;
    expect(
      parseJsonListAnnotation<AccountAccessEntry>(
        productionAccount.metadata.annotations?.[ANNOTATION_ACCOUNT_ACCESS],
      ),
    ).toEqual([
      {
        principal: 'group:default/app-developers',
        principalType: 'GROUP',
        permissionSet: 'ReadOnlyAccess',
      },
      {
        principal: 'group:default/aws-production-admins',
        principalType: 'GROUP',
        permissionSet: 'AdministratorAccess',
      },
      {
        principal: 'group:default/platform-team',
        principalType: 'GROUP',
        permissionSet: 'ReadOnlyAccess',
      },
    ]);
    expect(relationTargets(productionAccount, 'dependencyOf')).toEqual([
      'group:default/app-developers',
      'group:default/aws-production-admins',
      'group:default/platform-team',
    ]);
    const admins = await waitFor(
      () => query(server, 'kind=group,metadata.name=aws-production-admins'),
      items => relationTargets(items[0], 'dependsOn').length > 0,
    );
    expect(relationTargets(admins[0], 'dependsOn')).toEqual([
      stringifyEntityRef(productionAccount),
    ]);

    // Owner tags resolve to the ingested groups.
    expect(
      accounts.every(a =>
        groups.some(g => stringifyEntityRef(g) === a.spec?.owner),
      ),
    ).toBe(true);

    const sets = await query(
      server,
      'kind=resource,spec.type=aws-permission-set',
    );
    const provisioned = Object.fromEntries(
      sets.map(s => [
        s.metadata.title,
        s.metadata.annotations?.[ANNOTATION_PERMISSION_SET_PROVISIONED],
      ]),
    );
    // moto provisions to the instance's own account whatever the target.
    expect(provisioned).toEqual({
      AdministratorAccess: local.estate.accounts.identity.id,
      BillingAccess: '',
      DeveloperAccess: local.estate.accounts.identity.id,
      ReadOnlyAccess: local.estate.accounts.identity.id,
    });
  });
});

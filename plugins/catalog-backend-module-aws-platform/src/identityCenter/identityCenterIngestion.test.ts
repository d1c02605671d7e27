import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_ACCOUNT_ACCESS,
  ANNOTATION_AWS_ACCOUNT_ID,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { testIngestionConfig } from '../__fixtures__/ingestionConfig';
import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import type { CatalogMemory } from '../ingestion/catalogMemory';
import type { ResourceReaders } from '../ingestion/resourceReaders';
import { runIngestion } from '../ingestion/runIngestion';
import { identityCenterSnapshot } from './__fixtures__/identityCenterSnapshot';
import type { ReadIdentityCenter } from './identityCenterScope';

// runIngestion with the Identity Center scope: read, failed (kept from the
// catalog, as every other scope), and not configured.
const enabled = testIngestionConfig({
  identityCenter: { region: 'us-east-1' },
});

function readers(identityCenter?: ReadIdentityCenter): ResourceReaders {
  return {
    route53: async () => [],
    eks: async () => [],
    backup: async () => ({ vaults: [], plans: [] }),
    ecr: async () => [],
    identityCenter,
  };
}

function memory(kept: Entity[] = []): CatalogMemory & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    entitiesOfScopes: async scopes => {
      asked.push([...scopes]);
      return kept.filter(e =>
        scopes.includes(
          e.metadata.annotations?.[
            'aws-platform-suite.github.io/ingestion-scope'
          ] ?? '',
        ),
      );
    },
    lastAppliedRun: async () => ({ organizationIds: [], refs: new Set() }),
  };
}

const run = (config: typeof enabled, r: ResourceReaders, m = memory()) =>
  runIngestion({
    config,
    readOrganization: async () => organizationSnapshot,
    readers: r,
    memory: m,
    today: new Date('2026-12-05'),
  });

const accessOf = (entities: Entity[], accountId: string) =>
  entities.find(
    e =>
      e.spec?.type === 'aws-account' &&
      e.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] === accountId,
  )?.metadata.annotations?.[ANNOTATION_ACCOUNT_ACCESS];

describe('runIngestion with Identity Center', () => {
  it('asks the management account when no account is Identity, and emits its entities', async () => {
    const asked: string[][] = [];
    const result = await run(
      enabled,
      readers(async options => {
        asked.push(options.candidateAccountIds);
        return identityCenterSnapshot;
      }),
    );
    expect(asked).toEqual([['123456789012']]);
    expect(result.failures).toEqual([]);
    const kinds = result.entities!.map(e => e.kind);
    expect(kinds.filter(k => k === 'User')).toHaveLength(2);
    expect(kinds.filter(k => k === 'Group')).toHaveLength(2);
    expect(
      JSON.parse(accessOf(result.entities!, '222222222222')!),
    ).toHaveLength(2);
  });

  it('keeps the last good users, groups and access when the read fails', async () => {
    const good = await run(
      enabled,
      readers(async () => identityCenterSnapshot),
    );
    const failing = readers(async () => {
      throw Object.assign(new Error('denied'), {
        name: 'AccessDeniedException',
      });
    });
    const m = memory(good.entities!);
    const result = await run(enabled, failing, m);
    expect(result.failures).toEqual([
      expect.objectContaining({
        scope: 'identity-center',
        errorName: 'AccessDeniedException',
      }),
    ]);
    expect(m.asked).toEqual([['identity-center']]);
    const refs = (entities: Entity[]) =>
      entities
        .filter(
          e => e.kind !== 'Resource' || e.spec?.type === 'aws-permission-set',
        )
        .map(e => stringifyEntityRef(e))
        .sort();
    expect(refs(result.entities!)).toEqual(refs(good.entities!));
    expect(result.keptCount).toBe(6);
    expect(accessOf(result.entities!, '222222222222')).toBe(
      accessOf(good.entities!, '222222222222'),
    );
  });

  it('reads nothing and adds no access when not enabled', async () => {
    let called = false;
    const result = await run(
      testIngestionConfig(),
      readers(async () => {
        called = true;
        return identityCenterSnapshot;
      }),
    );
    expect(called).toBe(false);
    expect(result.entities!.some(e => e.kind === 'User')).toBe(false);
    expect(accessOf(result.entities!, '222222222222')).toBeUndefined();
  });
});

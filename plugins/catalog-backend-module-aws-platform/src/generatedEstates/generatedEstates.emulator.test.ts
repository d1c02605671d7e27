import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ConfigReader } from '@backstage/config';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  AWS_ENTITY_TYPES,
  AWS_PERMISSION_SET_TYPE,
  isGroupSourcePresent,
  LABEL_ACCOUNT_ROLE,
  toAccessRows,
  toOwnershipRows,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { DefaultAwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  GeneratedEstate,
  LocalAws,
  seedGeneratedEstate,
  SeededProblem,
  startLocalAws,
} from '@internal/local-aws';
import { testIngestionConfig } from '../__fixtures__/ingestionConfig';
import type { CatalogMemory } from '../ingestion/catalogMemory';
import { createResourceReaders } from '../ingestion/resourceReaders';
import { runIngestion } from '../ingestion/runIngestion';
import { readOrganization } from '../organization/readOrganization';

// Estates generated from seeds (packages/local-aws seed/generated): each
// named after another company's conventions, with nested OUs, two regions,
// delegated administrators, holdings and Identity Center, and with no role
// tag anywhere. Each is seeded into moto and read by the suite's ingestion
// with no roleOverrides; the review pages' own rules (from the common
// package) then run on what was ingested. Regions are configured here to
// keep the run short; discovering them is regionDiscovery's test.
jest.setTimeout(300_000);

const SEEDS = [1, 2, 3];
const ROLE_SOURCE = 'aws-platform-suite.github.io/role-source';

let localAws: LocalAws;
const savedEnv = { ...process.env };
beforeAll(async () => {
  localAws = await startLocalAws();
  Object.assign(process.env, localAws.env);
}, 60_000);
afterAll(async () => {
  process.env = savedEnv;
  await localAws?.stop();
}, 30_000);

const emptyCatalog: CatalogMemory = {
  entitiesOfScopes: async () => [],
  lastAppliedRun: async () => ({ organizationIds: [], refs: new Set() }),
};

async function ingest(estate: GeneratedEstate): Promise<Entity[]> {
  const { plan } = estate;
  const factory = DefaultAwsClientFactory.fromConfig(
    new ConfigReader({
      aws: { accountDefaults: { roleName: 'OrganizationAccountAccessRole' } },
    }),
  );
  const run = await runIngestion({
    config: testIngestionConfig({
      organization: { region: plan.regions[0] },
      defaultOwner: `group:default/${plan.platformGroup}`,
      regions: plan.regions,
      // Only what holds this estate's evidence and problems: zones always
      // (the contradicting zone), vaults and repositories where a role rests
      // on them. Clusters hold no role evidence.
      services: [
        'route53',
        ...(plan.holdings.backup ? (['backup'] as const) : []),
        ...(plan.holdings.operations ? (['ecr'] as const) : []),
      ],
      identityCenter: { region: plan.regions[0] },
      accountConcurrency: 4,
    }),
    readOrganization: async () =>
      readOrganization(
        await factory.createClient(OrganizationsClient, {
          region: plan.regions[0],
        }),
        { concurrency: 2 },
      ),
    readers: createResourceReaders(factory),
    memory: emptyCatalog,
    today: new Date('2026-12-04'),
  });
  expect(run.failures).toEqual([]);
  return run.entities ?? [];
}

/** What the ownership review flags, as `kind account/title`. */
function ownershipFlagged(entities: Entity[]): string[] {
  const suite = entities.filter(e => e.kind === 'Resource');
  const groups = entities
    .filter(e => e.kind === 'Group')
    .map(stringifyEntityRef);
  const people = entities
    .filter(e => e.kind === 'User')
    .map(stringifyEntityRef);
  const defaultOwners = new Set(
    suite
      .filter(
        e =>
          e.metadata.annotations?.[
            'aws-platform-suite.github.io/owner-source'
          ] === 'default',
      )
      .map(e => String(e.spec?.owner)),
  );
  const rows = toOwnershipRows(suite, {
    existingOwners: new Set([...groups, ...people]),
    groupSourcePresent: isGroupSourcePresent(groups, defaultOwners),
  });
  return rows.flatMap(row =>
    row.flags.map(flag => `${flag.kind} ${row.accountTitle}/${row.title}`),
  );
}

/** What the access review flags, as `flag account principal set`. */
function accessFlagged(entities: Entity[]): string[] {
  const rows = toAccessRows({
    accounts: entities.filter(e => e.spec?.type === AWS_ENTITY_TYPES.account),
    permissionSets: entities.filter(
      e => e.spec?.type === AWS_PERMISSION_SET_TYPE,
    ),
    groups: entities.filter(e => e.kind === 'Group'),
  });
  return rows.flatMap(row =>
    row.flags.map(flag =>
      [flag, row.accountTitle, row.principal, row.permissionSet]
        .filter(Boolean)
        .join(' '),
    ),
  );
}

/** The seeded problems in the forms above. */
function expectedFlags(problems: SeededProblem[], review: string): string[] {
  return problems
    .filter(problem => problem.review === review)
    .map(problem => {
      if (problem.kind === 'provisioned-nowhere') {
        return `${problem.kind} ${problem.permissionSet}`;
      }
      if (problem.review === 'access') {
        // The review names principals by entity ref; only one is a user.
        const kind = problem.kind === 'direct-user' ? 'user' : 'group';
        const principal = `${kind}:default/${problem.principal}`;
        return `${problem.kind} ${problem.account} ${principal} ${problem.permissionSet}`;
      }
      const title = 'zone' in problem ? problem.zone : problem.account;
      return `${problem.kind} ${problem.account}/${title}`;
    });
}

describe.each(SEEDS)('the estate generated from seed %i', seed => {
  let estate: GeneratedEstate;
  let entities: Entity[];
  beforeAll(async () => {
    await localAws.reset();
    estate = await seedGeneratedEstate({ endpoint: localAws.endpoint, seed });
    entities = await ingest(estate);
  }, 240_000);

  it('has every guide role recognised from the evidence it was seeded with, and no overrides', () => {
    const accounts = entities.filter(
      e => e.spec?.type === AWS_ENTITY_TYPES.account,
    );
    const recognised = (id: string) => {
      const account = accounts.find(
        e => e.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] === id,
      );
      return {
        role: account?.metadata.labels?.[LABEL_ACCOUNT_ROLE],
        source: account?.metadata.annotations?.[ROLE_SOURCE],
      };
    };
    expect(recognised(estate.managementAccountId)).toEqual({
      role: 'management',
      source: 'management',
    });
    for (const account of estate.plan.accounts) {
      expect({
        account: account.name,
        ...recognised(estate.accounts[account.name]),
      }).toEqual({
        account: account.name,
        role: account.role,
        source: account.evidence,
      });
    }
    expect(accounts).toHaveLength(estate.plan.accounts.length + 1);
  });

  it('has the ownership review flag exactly the seeded ownership problems', () => {
    expect(ownershipFlagged(entities).sort()).toEqual(
      expectedFlags(estate.plan.problems, 'ownership').sort(),
    );
  });

  it('has the access review flag exactly the seeded access problems', () => {
    expect(accessFlagged(entities).sort()).toEqual(
      expectedFlags(estate.plan.problems, 'access').sort(),
    );
  });
});

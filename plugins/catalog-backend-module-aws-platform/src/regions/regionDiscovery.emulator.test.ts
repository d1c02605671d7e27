import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { useReferenceEstate } from '@internal/local-aws';
import { testIngestionConfig } from '../__fixtures__/ingestionConfig';
import type { CatalogMemory } from '../ingestion/catalogMemory';
import { createResourceReaders } from '../ingestion/resourceReaders';
import { runIngestion } from '../ingestion/runIngestion';
import { readOrganization } from '../organization/readOrganization';

// Region discovery against moto's server seeded with the guide's reference
// estate: the Sandbox account gets a cluster in a region the local
// app-config does not list. Member accounts are reached by assuming
// OrganizationAccountAccessRole, as the portal does.
jest.setTimeout(180_000);

const local = useReferenceEstate();
const OUTSIDE_REGION = 'ap-southeast-2';
const CLUSTER = 'far-away';

/** An empty catalog: a first run, with nothing to keep. */
const emptyCatalog: CatalogMemory = {
  entitiesOfScopes: async () => [],
  lastAppliedRun: async () => ({ organizationIds: [], refs: new Set() }),
};

function clientFactory() {
  return DefaultAwsClientFactory.fromConfig(
    new ConfigReader({
      aws: { accountDefaults: { roleName: 'OrganizationAccountAccessRole' } },
    }),
  );
}

async function ingest(regions?: string[]) {
  const factory = clientFactory();
  return runIngestion({
    // EKS only: the cluster is what this test looks for.
    config: testIngestionConfig({
      regions,
      services: ['eks'],
      accountConcurrency: 4,
      organization: { region: local.estate.region },
    }),
    readOrganization: async () =>
      readOrganization(
        await factory.createClient(OrganizationsClient, {
          region: local.estate.region,
        }),
        { concurrency: 2 },
      ),
    readers: createResourceReaders(factory),
    memory: emptyCatalog,
    today: new Date('2026-12-04'),
  });
}

const clusterNames = (run: Awaited<ReturnType<typeof ingest>>) =>
  (run.entities ?? [])
    .filter(e => e.spec?.type === 'kubernetes-cluster')
    .map(e => e.metadata.title ?? e.metadata.name);

beforeAll(async () => {
  const sandbox = local.estate.accounts.sandbox.id;
  const eks = await clientFactory().createClient(EKSClient, {
    accountId: sandbox,
    region: OUTSIDE_REGION,
  });
  await eks.send(
    new CreateClusterCommand({
      name: CLUSTER,
      roleArn: `arn:aws:iam::${sandbox}:role/${CLUSTER}-control-plane`,
      resourcesVpcConfig: { subnetIds: [] },
    }),
  );
});

describe('region discovery on the reference estate', () => {
  it('finds a cluster in a region outside the local list when no regions are configured', async () => {
    const run = await ingest();

    expect(run.failures).toEqual([]);
    expect(clusterNames(run)).toContain(CLUSTER);
    const sandbox = run.regionsRead.find(
      a => a.accountId === local.estate.accounts.sandbox.id,
    );
    expect(sandbox?.source).toBe('discovered');
    expect(sandbox?.regions).toEqual(
      expect.arrayContaining(['us-east-1', 'us-west-2', OUTSIDE_REGION]),
    );
    // Every account (the management account among them) is asked once.
    expect(run.regionsRead).toHaveLength(
      Object.keys(local.estate.accounts).length,
    );
    expect(run.regionsRead.every(a => a.source === 'discovered')).toBe(true);
  });

  it('reads only the configured regions when they are set', async () => {
    const run = await ingest(['us-east-1', 'us-west-2']);

    expect(run.failures).toEqual([]);
    expect(clusterNames(run)).not.toContain(CLUSTER);
    // The seeded Flightdeck clusters of the listed regions are still read.
    expect(clusterNames(run).length).toBeGreaterThanOrEqual(2);
  });
});

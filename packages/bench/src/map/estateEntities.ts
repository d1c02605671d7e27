/**
 * The catalog entities of a generated large estate, made by the suite's own
 * ingestion (`runIngestion`: the organization mapper, the Route 53, EKS and
 * Backup mappers with the delegation check, and the account summaries) over
 * in-memory readers instead of AWS. So the map benchmark draws exactly what
 * the backend would put in the catalog for such an organization.
 */
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { runIngestion } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/runIngestion';
import { readIngestionConfig } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestionConfig';
import { generateEstate } from './estateRecords.ts';
import type { EstateOptions } from './estateRecords.ts';

/** Runs the suite's ingestion over a generated estate; throws if it fails. */
export async function estateEntities(
  options: EstateOptions,
): Promise<Entity[]> {
  const estate = generateEstate(options);
  const config = readIngestionConfig(
    new ConfigReader({
      catalog: {
        providers: {
          awsPlatform: {
            defaultOwner: 'group:default/platform-team',
            regions: ['us-east-1'],
          },
        },
      },
    }),
  )!;
  const run = await runIngestion({
    config,
    readOrganization: async () => estate.snapshot,
    readers: {
      route53: async accountId => estate.zones.get(accountId) ?? [],
      eks: async accountId => estate.clusters.get(accountId) ?? [],
      backup: async accountId =>
        estate.backup.get(accountId) ?? { vaults: [], plans: [] },
      ecr: async () => [],
    },
    memory: {
      entitiesOfScopes: async () => [],
      lastAppliedRun: async () => ({ organizationIds: [], refs: new Set() }),
    },
    today: new Date('2026-11-25T00:00:00Z'),
  });
  if (!run.entities || run.failures.length > 0) {
    throw new Error(
      `the ingestion of the generated estate failed: ${run.failures
        .map(f => `${f.scope}: ${f.message}`)
        .join('; ')}`,
    );
  }
  return run.entities;
}

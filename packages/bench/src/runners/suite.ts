/**
 * The suite's ingestion as AwsPlatformEntityProvider.refresh() runs it:
 * runIngestion with the real organization read and resource readers, clients
 * from DefaultAwsClientFactory (credentials through integration-aws-node,
 * adaptive retries, client-side token buckets), and a recording catalog
 * memory. Bundled by esbuild, because the plugin sources use extensionless
 * imports that Node's type stripping cannot load.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { CatalogMemory } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/catalogMemory';
import { createResourceReaders } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/resourceReaders';
import { runIngestion } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/runIngestion';
import { readIngestionConfig } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestionConfig';
import type { OrganizationSnapshot } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/organization/types';
import {
  readOrganization,
  readOrganizationId,
} from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/organization/readOrganization';
import { countByType, describeError, runJob } from './runnerKit.ts';
import type { Job } from './protocol.ts';

const SERVICES: Record<string, string[]> = {
  suite: ['route53', 'eks', 'backup', 'ecr'],
  'suite-eks': ['eks'],
  'suite-org': [],
};

/** A first run's memory: nothing emitted before; records what was asked. */
function recordingMemory(asked: string[][]): CatalogMemory {
  return {
    async entitiesOfScopes(scopes) {
      asked.push([...scopes]);
      return [];
    },
    async lastAppliedRun() {
      return { organizationIds: [], refs: new Set<string>() };
    },
  };
}

function setup(job: Job) {
  const config = new ConfigReader({
    aws: { accountDefaults: { roleName: job.roleName } },
    ...(job.rateLimits && {
      awsPlatform: { aws: { rateLimits: job.rateLimits } },
    }),
    catalog: {
      providers: {
        awsPlatform: {
          defaultOwner: 'group:default/platform-team',
          regions: [job.region],
          services: SERVICES[job.impl],
          ...(job.concurrency && { concurrency: job.concurrency }),
          ...(job.accountConcurrency && {
            accountConcurrency: job.accountConcurrency,
          }),
        },
      },
    },
  });
  const ingestionConfig = readIngestionConfig(config)!;
  const clientFactory = DefaultAwsClientFactory.fromConfig(config);
  const given =
    job.impl === 'suite-eks' && job.snapshotPath
      ? (JSON.parse(
          readFileSync(job.snapshotPath, 'utf8'),
        ) as OrganizationSnapshot)
      : undefined;
  return Promise.resolve({ ingestionConfig, clientFactory, given });
}

runJob(setup, async ({ ingestionConfig, clientFactory, given }, job) => {
  const asked: string[][] = [];
  const phases: Record<string, number> = {};
  const organizations = () =>
    clientFactory.createClient(OrganizationsClient, {
      accountId: ingestionConfig.organization.accountId,
      region: ingestionConfig.organization.region,
    });
  const run = await runIngestion({
    config: ingestionConfig,
    readOrganization: async () => {
      if (given) return given;
      const started = performance.now();
      const snapshot = await readOrganization(await organizations(), {
        concurrency: ingestionConfig.concurrency,
      });
      phases.organization = performance.now() - started;
      if (job.snapshotPath && job.impl === 'suite') {
        writeFileSync(job.snapshotPath, JSON.stringify(snapshot));
      }
      return snapshot;
    },
    // As AwsPlatformEntityProvider.refresh() does, unless the organization
    // is given (suite-eks reads no organization).
    ...(!given && {
      confirmOrganization: async () =>
        readOrganizationId(await organizations()),
    }),
    readers: createResourceReaders(clientFactory),
    memory: recordingMemory(asked),
    today: new Date(),
  });
  const entities = run.entities ?? [];
  return {
    phases,
    entities: entities.length,
    entitiesByType: countByType(entities),
    failures: [
      ...run.failures.map(f => `${f.scope}: ${f.errorName}: ${f.message}`),
      ...(run.entities ? [] : ['applied nothing']),
    ],
  };
}).catch(error => {
  console.error(describeError(error));
  process.exitCode = 1;
});

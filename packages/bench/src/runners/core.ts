/**
 * Backstage core's AwsOrganizationCloudAccountProcessor and
 * AwsEKSClusterProcessor, driven as the catalog would: one
 * `aws-cloud-accounts` location, and one `aws-eks` location per account and
 * region, `peerConcurrency` locations at a time. Credentials come from
 * integration-aws-node with aws.accountDefaults.roleName.
 */
import { ConfigReader } from '@backstage/config';
import {
  AwsEKSClusterProcessor,
  AwsOrganizationCloudAccountProcessor,
} from '@backstage/plugin-catalog-backend-module-aws';
import {
  countByType,
  describeError,
  pool,
  quietLogger,
  runJob,
} from './runnerKit.ts';
import type { Job } from './protocol.ts';

type Processor = {
  readLocation(
    location: { type: string; target: string },
    optional: boolean,
    emit: (result: any) => void,
  ): Promise<boolean>;
};

async function setup(job: Job) {
  const config = new ConfigReader({
    aws: { accountDefaults: { roleName: job.roleName } },
  });
  const processor: Processor =
    job.impl === 'core-org'
      ? await AwsOrganizationCloudAccountProcessor.fromConfig(config, {
          logger: quietLogger(),
        })
      : AwsEKSClusterProcessor.fromConfig(config, {});
  const locations =
    job.impl === 'core-org'
      ? [{ type: 'aws-cloud-accounts', target: '' }]
      : job.accountIds.map(id => ({
          type: 'aws-eks',
          target: `${id}/${job.region}`,
        }));
  return { processor, locations };
}

runJob(setup, async ({ processor, locations }, job) => {
  const entities: any[] = [];
  const failures: string[] = [];
  await pool(locations, job.peerConcurrency, async location => {
    try {
      await processor.readLocation(location, false, result => {
        if (result.type === 'entity') entities.push(result.entity);
        else if (result.type === 'error')
          failures.push(describeError(result.error));
      });
    } catch (error) {
      failures.push(`${location.target}: ${describeError(error)}`);
    }
  });
  return {
    entities: entities.length,
    entitiesByType: countByType(entities),
    failures,
  };
}).catch(error => {
  console.error(describeError(error));
  process.exitCode = 1;
});

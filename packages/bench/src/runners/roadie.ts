/**
 * Roadie's AWSOrganizationAccountsProvider and AWSEKSClusterProvider as its
 * README has adopters wire them: one provider per account config, with a full
 * role ARN and useTemporaryCredentials (its default credential mode ignores
 * per-account credentials). The driver runs the EKS providers
 * `peerConcurrency` at a time, as a scheduler would.
 */
import { ConfigReader } from '@backstage/config';
import {
  AWSEKSClusterProvider,
  AWSOrganizationAccountsProvider,
} from '@roadiehq/catalog-backend-module-aws';
import {
  countByType,
  describeError,
  pool,
  quietLogger,
  runJob,
} from './runnerKit.ts';
import type { Job } from './protocol.ts';

type Provider = {
  connect(connection: unknown): Promise<void>;
  run(): Promise<void>;
};

async function setup(job: Job) {
  const entities: any[] = [];
  const log: string[] = [];
  const connection = {
    async applyMutation(mutation: { entities?: { entity: unknown }[] }) {
      entities.push(...(mutation.entities ?? []).map(e => e.entity));
    },
    async refresh() {},
  };
  const accountConfig = (accountId: string) =>
    new ConfigReader({
      accountId,
      roleName: job.roleName,
      roleArn: `arn:aws:iam::${accountId}:role/${job.roleName}`,
      region: job.region,
    });
  const options = (providerId: string) => ({
    logger: quietLogger(log),
    providerId,
    useTemporaryCredentials: true,
  });
  const providers: { id: string; provider: Provider }[] =
    job.impl === 'roadie-org'
      ? [
          {
            id: job.managementAccountId,
            provider: AWSOrganizationAccountsProvider.fromConfig(
              accountConfig(job.managementAccountId),
              options('bench') as any,
            ) as unknown as Provider,
          },
        ]
      : job.accountIds.map(id => ({
          id,
          provider: AWSEKSClusterProvider.fromConfig(accountConfig(id), {
            ...options(id),
            // What the Kubernetes plugin's catalog locator looks for.
            clusterTypeValue: 'kubernetes-cluster',
          } as any) as unknown as Provider,
        }));
  for (const { provider } of providers) await provider.connect(connection);
  return { providers, entities };
}

runJob(setup, async ({ providers, entities }, job) => {
  const failures: string[] = [];
  await pool(providers, job.peerConcurrency, async ({ id, provider }) => {
    try {
      await provider.run();
    } catch (error) {
      failures.push(`${id}: ${describeError(error)}`);
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

import { ForwardedError, InputError } from '@backstage/errors';
import {
  describeRepository,
  getRepositoryPolicy,
  listRepositoryTags,
} from '../ecr/ecrRepositories';
import { describeCluster } from '../eks/eksClusters';
import {
  GITHUB_OIDC_HOST,
  issuerHost,
  oidcProviderArn,
} from '../iam/iamPolicies';
import { getRole, getRolePolicy, oidcProviderExists } from '../iam/iamRoles';
import { partitionOf } from '../lib/regions';
import { getRecordSets } from '../route53/route53Records';
import { findZonesByName } from '../route53/route53Zones';
import type { FlightdeckConfig } from './flightdeckConfig';
import type { ResolvedStage } from './resolveStages';
import type { WorkloadClients } from './workloadClients';
import type {
  DesiredRole,
  DesiredWorkload,
  StageFacts,
} from './desiredWorkload';
import type { ObservedWorkload } from './workloadPlan';

/** EKS statuses in which a cluster still has its OIDC issuer. */
const USABLE_CLUSTER_STATUSES = ['ACTIVE', 'UPDATING'];

/**
 * Reads what the workload is built on and refuses (InputError) when it is
 * not there: each cluster and its OIDC issuer, the IAM OIDC providers the
 * roles trust (the cluster module's and the landing zone's GitHub one), and
 * each stage's public zone. Only reads.
 */
export async function readStageFacts(
  clients: WorkloadClients,
  config: FlightdeckConfig,
  stages: ResolvedStage[],
  log: (message: string) => void,
): Promise<Map<string, StageFacts>> {
  const facts = new Map<string, StageFacts>();
  const githubChecked = new Set<string>();
  const checkGithubProvider = async (
    accountId: string,
    region: string,
    where: string,
  ) => {
    if (githubChecked.has(accountId)) return;
    githubChecked.add(accountId);
    const iam = await clients.iam(accountId, region);
    const arn = oidcProviderArn(
      partitionOf(region),
      accountId,
      GITHUB_OIDC_HOST,
    );
    if (
      !(await read(`the GitHub OIDC provider in ${where}`, () =>
        oidcProviderExists(iam, arn),
      ))
    ) {
      throw new InputError(
        `${where} has no IAM OIDC provider for GitHub Actions (${arn}); the CI roles would trust nothing. The landing zone's GitHub Actions stack creates it.`,
      );
    }
  };

  log(
    `Checking the GitHub OIDC provider in the Operations account (${config.operationsAccountId})`,
  );
  await checkGithubProvider(
    config.operationsAccountId,
    config.ecrRegion,
    `the Operations account (${config.operationsAccountId})`,
  );

  for (const stage of stages) {
    const accountId = stage.accountInfo.accountId;
    const where = `account ${stage.accountInfo.name} (${accountId})`;
    log(
      `Stage ${stage.name}: reading cluster${
        stage.clusterConfigs.length > 1 ? 's' : ''
      } ${stage.clusterConfigs.map(c => c.name).join(', ')} and zone ${
        stage.zoneName
      } in ${where}`,
    );
    const clusters: StageFacts['clusters'] = [];
    for (const cluster of stage.clusterConfigs) {
      const eks = await clients.eks(accountId, cluster.region);
      const found = await read(`the EKS cluster ${cluster.name}`, () =>
        describeCluster(eks, cluster.name),
      );
      if (!found) {
        throw new InputError(
          `The EKS cluster ${cluster.name} does not exist in ${where}, ${cluster.region}`,
        );
      }
      if (
        !found.oidcIssuer ||
        !USABLE_CLUSTER_STATUSES.includes(found.status ?? '')
      ) {
        throw new InputError(
          `The EKS cluster ${cluster.name} in ${where} is ${
            found.status ?? 'in an unknown state'
          }${
            found.oidcIssuer ? '' : ' and has no OIDC issuer'
          }; pods can get AWS roles only from an active cluster with one`,
        );
      }
      const iam = await clients.iam(accountId, cluster.region);
      const providerArn = oidcProviderArn(
        partitionOf(cluster.region),
        accountId,
        issuerHost(found.oidcIssuer),
      );
      if (
        !(await read(`the OIDC provider of ${cluster.name}`, () =>
          oidcProviderExists(iam, providerArn),
        ))
      ) {
        throw new InputError(
          `${where} has no IAM OIDC provider for the issuer of the cluster ${cluster.name} (${providerArn}); the pod role would trust nothing. Flightdeck's cluster module creates it.`,
        );
      }
      clusters.push({
        name: cluster.name,
        arn: found.arn,
        oidcIssuer: found.oidcIssuer,
      });
    }
    await checkGithubProvider(accountId, stage.clusterConfigs[0].region, where);

    const route53 = await clients.route53(accountId);
    const zones = (
      await read(`the zone ${stage.zoneName}`, () =>
        findZonesByName(route53, stage.zoneName),
      )
    ).filter(zone => !zone.privateZone);
    if (zones.length !== 1) {
      throw new InputError(
        zones.length === 0
          ? `${where} has no public zone ${stage.zoneName} for the stage ${stage.name}`
          : `${where} has ${zones.length} public zones named ${
              stage.zoneName
            } (${zones.map(z => z.id).join(', ')}); remove the duplicate first`,
      );
    }
    facts.set(stage.name, { clusters, zoneId: zones[0].id });
  }
  return facts;
}

/** Reads what already exists of the desired workload. Only reads. */
export async function readExistingWorkload(
  clients: WorkloadClients,
  desired: DesiredWorkload,
  log: (message: string) => void,
): Promise<ObservedWorkload> {
  const { operations, repository } = desired;
  log(
    `Looking for the ECR repository ${repository.name} and the role ${desired.pushRole.name} in the Operations account`,
  );
  const ecr = await clients.ecr(operations.accountId, operations.region);
  const described = await read(`the ECR repository ${repository.name}`, () =>
    describeRepository(ecr, repository.name),
  );
  // The tags say who made it: the plan refuses what this workload did not.
  const existingRepository = described && {
    ...described,
    tags: await read(`the tags of ${repository.name}`, () =>
      listRepositoryTags(ecr, described.arn),
    ),
  };
  const repositoryPolicy = existingRepository
    ? await read(`the policy of ${repository.name}`, () =>
        getRepositoryPolicy(ecr, repository.name),
      )
    : undefined;

  const roles: ObservedWorkload['roles'] = new Map();
  const readRole = async (role: DesiredRole) => {
    const iam = await clients.iam(role.accountId, role.region);
    const found = await read(`the IAM role ${role.name}`, () =>
      getRole(iam, role.name),
    );
    if (!found) return;
    const inlinePolicy = role.inlinePolicy
      ? await read(`the inline policy of ${role.name}`, () =>
          getRolePolicy(iam, role.name, role.inlinePolicy!.name),
        )
      : undefined;
    roles.set(role.arn, { role: found, inlinePolicy });
  };
  await readRole(desired.pushRole);

  const records: ObservedWorkload['records'] = new Map();
  for (const stage of desired.stages) {
    log(
      `Stage ${stage.name}: looking for the roles ${stage.podRole.name} and ${stage.deployRole.name} and the record ${stage.dns.host}`,
    );
    await readRole(stage.podRole);
    await readRole(stage.deployRole);
    const route53 = await clients.route53(stage.accountId);
    records.set(
      stage.name,
      await read(`the records of ${stage.dns.host}`, () =>
        getRecordSets(route53, stage.dns.zoneId, stage.dns.host),
      ),
    );
  }
  return {
    repository: existingRepository,
    repositoryPolicy,
    roles,
    records,
  };
}

/** Runs a read, saying what it was reading when AWS refuses. */
async function read<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new ForwardedError(`Could not read ${what}`, error);
  }
}

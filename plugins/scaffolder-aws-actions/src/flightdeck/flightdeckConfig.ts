import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { normalizeDomainName } from '../lib/dnsNames';
import { isRegionName } from '../lib/regions';

/**
 * The typed `scaffolder.awsPlatform.flightdeck` section.
 *
 * @public
 */
export interface FlightdeckConfig {
  /** The Operations account: ECR repositories and the CI push roles. */
  operationsAccountId: string;
  /** Region of the ECR repositories. */
  ecrRegion: string;
  /** `<org>` in the repository name `<org>/<app>`. */
  repositoryNamespace: string;
  /**
   * The only GitHub owners (organizations or users) whose repositories the
   * CI roles may trust, spelled as GitHub spells them (the OIDC `sub` claim
   * carries that spelling and IAM compares it exactly).
   */
  githubOwners: string[];
  /** The only clusters workloads may be set up for. */
  clusters: FlightdeckClusterConfig[];
  /** How long to wait for Route 53 to report a record change in sync. */
  syncTimeoutSeconds: number;
}

/**
 * A Flightdeck cluster workloads may be set up for, and its stage's ingress.
 *
 * @public
 */
export interface FlightdeckClusterConfig {
  name: string;
  accountId: string;
  region: string;
  /** The stage's public zone in the cluster's account, e.g. `sandbox.example.com`. */
  hostedZone: string;
  /** The stage's load balancer (the guide's ingress module), target of the hosts' ALIAS records. */
  ingress: { dnsName: string; hostedZoneId: string };
}

const KEY = 'scaffolder.awsPlatform.flightdeck';
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;
/** One path segment of an ECR repository name. */
const REPOSITORY_SEGMENT = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const ALIAS_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
/** A GitHub user or organization name. */
export const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** Reads the Flightdeck section; mistakes fail the backend's start. */
export function readFlightdeckConfig(config: Config): FlightdeckConfig {
  const ecrRegion = config.getOptionalString('ecrRegion') ?? 'us-east-1';
  if (!isRegionName(ecrRegion)) {
    throw new InputError(
      `${KEY}.ecrRegion: '${ecrRegion}' is not an AWS region name`,
    );
  }
  const repositoryNamespace = config.getString('repositoryNamespace');
  if (!repositoryNamespace.split('/').every(s => REPOSITORY_SEGMENT.test(s))) {
    throw new InputError(
      `${KEY}.repositoryNamespace: '${repositoryNamespace}' is not an ECR repository namespace (lowercase letters, digits, '.', '_', '-' and '/')`,
    );
  }
  const clusters = config
    .getConfigArray('clusters')
    .map((cluster, i) => readCluster(cluster, `${KEY}.clusters[${i}]`));
  const seen = new Set<string>();
  for (const cluster of clusters) {
    const id = `${cluster.accountId}/${cluster.region}/${cluster.name}`;
    if (seen.has(id)) {
      throw new InputError(
        `${KEY}.clusters lists ${cluster.name} of account ${cluster.accountId} in ${cluster.region} twice`,
      );
    }
    seen.add(id);
  }
  return {
    githubOwners: readGithubOwners(config),
    operationsAccountId: checkAccountId(
      config.getString('operationsAccountId'),
      `${KEY}.operationsAccountId`,
    ),
    ecrRegion,
    repositoryNamespace,
    clusters,
    syncTimeoutSeconds: config.getOptionalNumber('syncTimeoutSeconds') ?? 300,
  };
}

/** Required and non-empty: without it any repository could get CI roles. */
function readGithubOwners(config: Config): string[] {
  const owners = config.getStringArray('githubOwners');
  if (owners.length === 0) {
    throw new InputError(
      `${KEY}.githubOwners must list at least one GitHub organization`,
    );
  }
  for (const owner of owners) {
    if (!GITHUB_OWNER.test(owner)) {
      throw new InputError(
        `${KEY}.githubOwners: '${owner}' is not a GitHub organization or user name`,
      );
    }
  }
  const lower = owners.map(o => o.toLocaleLowerCase('en-US'));
  if (new Set(lower).size !== lower.length) {
    throw new InputError(`${KEY}.githubOwners lists an owner twice`);
  }
  return owners;
}

function readCluster(cluster: Config, key: string): FlightdeckClusterConfig {
  const name = cluster.getString('name');
  if (!CLUSTER_NAME.test(name)) {
    throw new InputError(`${key}.name: '${name}' is not an EKS cluster name`);
  }
  const region = cluster.getString('region');
  if (!isRegionName(region)) {
    throw new InputError(
      `${key}.region: '${region}' is not an AWS region name`,
    );
  }
  const hostedZoneId = cluster.getString('ingress.hostedZoneId');
  if (!ALIAS_ZONE_ID.test(hostedZoneId)) {
    throw new InputError(
      `${key}.ingress.hostedZoneId: '${hostedZoneId}' is not a Route 53 hosted zone id (the load balancer's canonical zone, e.g. Z35SXDOTRQ7X7K)`,
    );
  }
  return {
    name,
    accountId: checkAccountId(
      cluster.getString('accountId'),
      `${key}.accountId`,
    ),
    region,
    hostedZone: normalizeDomainName(
      cluster.getString('hostedZone'),
      `${key}.hostedZone`,
    ),
    ingress: {
      dnsName: normalizeDomainName(
        cluster.getString('ingress.dnsName'),
        `${key}.ingress.dnsName`,
      ),
      hostedZoneId,
    },
  };
}

function checkAccountId(value: string, key: string): string {
  if (!/^\d{12}$/.test(value)) {
    throw new InputError(`${key}: '${value}' is not a 12-digit AWS account id`);
  }
  return value;
}

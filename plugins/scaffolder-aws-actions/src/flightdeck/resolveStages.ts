import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_REGION,
  AWS_ENTITY_TYPES,
  clusterSpecOf,
  zoneSpecOf,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AllowedAccount } from '../actionsConfig';
import { normalizeDomainName } from '../lib/dnsNames';
import { resolveAccount } from '../lib/resolveAccount';
import type { FlightdeckClusterConfig } from './flightdeckConfig';
import type { StageInput, WorkloadInput } from './workloadInput';
import { quoteInput } from '../lib/inputText';

/** A stage with its account, clusters, zone and host decided. */
export interface ResolvedStage extends StageInput {
  accountInfo: AllowedAccount;
  clusterConfigs: FlightdeckClusterConfig[];
  zoneName: string;
  hostName: string;
  ingress: FlightdeckClusterConfig['ingress'];
}

/**
 * Resolves every stage's choices against the allowlists in config: the
 * account against `accounts`, the clusters against `flightdeck.clusters`
 * (and the stage's account), the zone against the stage's account. Catalog
 * entities are read with the user's credentials, but only config decides:
 * an entity cannot widen what the action may change. No AWS calls.
 */
export async function resolveStages(
  input: WorkloadInput,
  options: {
    accounts: AllowedAccount[];
    clusters: FlightdeckClusterConfig[];
    catalog: CatalogService;
    credentials: BackstageCredentials;
  },
): Promise<ResolvedStage[]> {
  const stages: ResolvedStage[] = [];
  for (const stage of input.stages) {
    const field = `stage ${stage.name}`;
    const accountInfo = await resolveAccount(
      stage.account,
      options.accounts,
      options.catalog,
      options.credentials,
    );
    const clusterConfigs: FlightdeckClusterConfig[] = [];
    for (const choice of stage.clusters) {
      clusterConfigs.push(
        await resolveCluster(choice, accountInfo, field, options),
      );
    }
    const [first, ...others] = clusterConfigs;
    for (const other of others) {
      if (
        other.hostedZone !== first.hostedZone ||
        other.ingress.dnsName !== first.ingress.dnsName ||
        other.ingress.hostedZoneId !== first.ingress.hostedZoneId
      ) {
        throw new InputError(
          `${field}: the clusters ${first.name} and ${other.name} are configured with different zones or load balancers; the clusters of one stage must share its ingress`,
        );
      }
    }
    const zoneName = stage.zone
      ? await resolveZone(stage.zone, accountInfo, field, options)
      : first.hostedZone;
    const hostName = stage.host ?? `${input.appName}.${zoneName}`;
    if (!hostName.endsWith(`.${zoneName}`)) {
      throw new InputError(
        `${field}: the host ${hostName} is not under the stage's zone ${zoneName}`,
      );
    }
    stages.push({
      ...stage,
      accountInfo,
      clusterConfigs,
      zoneName,
      hostName,
      ingress: first.ingress,
    });
  }
  const hosts = stages.map(s => s.hostName);
  const repeated = hosts.find((h, i) => hosts.indexOf(h) !== i);
  if (repeated) {
    throw new InputError(
      `Two stages would use the host ${repeated}; give each stage its own host`,
    );
  }
  return stages;
}

/** Whether a choice names a catalog entity rather than a bare name. */
const isEntityRef = (choice: string) => /[:/]/.test(choice);

async function readEntity(
  choice: string,
  what: string,
  options: { catalog: CatalogService; credentials: BackstageCredentials },
): Promise<Entity> {
  let ref;
  try {
    ref = parseEntityRef(choice, {
      defaultKind: 'resource',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(`${quoteInput(choice)} is not an entity reference`);
  }
  const entity = await options.catalog.getEntityByRef(ref, {
    credentials: options.credentials,
  });
  if (!entity) {
    throw new InputError(`${quoteInput(choice)} is not ${what} in the catalog`);
  }
  return entity;
}

async function resolveCluster(
  choice: string,
  account: AllowedAccount,
  field: string,
  options: {
    clusters: FlightdeckClusterConfig[];
    catalog: CatalogService;
    credentials: BackstageCredentials;
  },
): Promise<FlightdeckClusterConfig> {
  let name = choice;
  let accountId = account.accountId;
  let region: string | undefined;
  if (isEntityRef(choice)) {
    const entity = await readEntity(choice, 'an EKS cluster', options);
    const spec = clusterSpecOf(entity);
    if (entity.spec?.type !== AWS_ENTITY_TYPES.kubernetesCluster || !spec) {
      throw new InputError(
        `${field}: ${quoteInput(choice)} is not an EKS cluster entity`,
      );
    }
    name = spec.name;
    accountId =
      entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] ?? accountId;
    region =
      entity.metadata.annotations?.[ANNOTATION_AWS_REGION] ?? spec.region;
  }
  if (accountId !== account.accountId) {
    throw new InputError(
      `${field}: the cluster ${name} is in account ${accountId}, not in the stage's account ${account.name} (${account.accountId})`,
    );
  }
  const matches = options.clusters.filter(
    c =>
      c.name === name &&
      c.accountId === accountId &&
      (region === undefined || c.region === region),
  );
  if (matches.length === 0) {
    throw new InputError(
      `${field}: the cluster ${name} of account ${account.name} (${accountId}) is not one workloads may be set up for (scaffolder.awsPlatform.flightdeck.clusters)`,
    );
  }
  if (matches.length > 1) {
    throw new InputError(
      `${field}: account ${account.name} has a cluster ${name} in ${matches
        .map(c => c.region)
        .join(' and ')}; choose its catalog entity to say which`,
    );
  }
  return matches[0];
}

async function resolveZone(
  choice: string,
  account: AllowedAccount,
  field: string,
  options: { catalog: CatalogService; credentials: BackstageCredentials },
): Promise<string> {
  if (!isEntityRef(choice)) {
    return normalizeDomainName(choice, `${field}: zone`);
  }
  const entity = await readEntity(choice, 'a DNS zone', options);
  const spec = zoneSpecOf(entity);
  if (entity.spec?.type !== AWS_ENTITY_TYPES.dnsZone || !spec) {
    throw new InputError(
      `${field}: ${quoteInput(choice)} is not a DNS zone entity`,
    );
  }
  if (spec.private) {
    throw new InputError(
      `${field}: the zone ${spec.name} is private; public hosts go in public zones`,
    );
  }
  const zoneAccount = entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
  if (zoneAccount !== account.accountId) {
    throw new InputError(
      `${field}: the zone ${spec.name} is in account ${zoneAccount}, not in the stage's account ${account.name} (${account.accountId})`,
    );
  }
  return normalizeDomainName(spec.name, `${field}: zone`);
}

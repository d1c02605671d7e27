import type { JsonObject } from '@backstage/types';
import { ReferenceEstate, VAULT_NAME } from '@internal/local-aws';
import type { ActionsConfig } from '../../actionsConfig';

// Each action's configuration for the seeded reference estate, as its
// emulator and fault tests run it: only what that action reads.

function sandboxOnly(estate: ReferenceEstate): ActionsConfig['accounts'] {
  return [
    {
      accountId: estate.accounts.sandbox.id,
      name: 'Sandbox',
      production: false,
    },
  ];
}

/** Subdomains of example.com, delegated from the Network account. */
export function subdomainConfig(estate: ReferenceEstate): ActionsConfig {
  return {
    accounts: sandboxOnly(estate),
    route53: {
      networkAccountId: estate.accounts.network.id,
      parentZones: ['example.com'],
      ttl: 3600,
      syncTimeoutSeconds: 30,
    },
  };
}

/** Backup plans in Sandbox, copied to the Backup account's vault. */
export function backupPlanConfig(estate: ReferenceEstate): ActionsConfig {
  return {
    accounts: sandboxOnly(estate),
    backup: {
      backupAccountId: estate.accounts.backup.id,
      vaultName: VAULT_NAME,
      selectionRoleName: 'backup-selection-role',
    },
  };
}

/** The load balancer in front of a stage's cluster. */
export function workloadIngress(stage: string) {
  return {
    dnsName: `acme-${stage}-ingress-1234567890.us-east-1.elb.amazonaws.com`,
    hostedZoneId: 'Z35SXDOTRQ7X7K',
  };
}

/** Both Flightdeck clusters, Sandbox (staging) and Production. */
export function workloadConfig(estate: ReferenceEstate): ActionsConfig {
  const { operations, sandbox, production } = estate.accounts;
  return {
    accounts: [
      { accountId: sandbox.id, name: 'Sandbox', production: false },
      { accountId: production.id, name: 'Production', production: true },
    ],
    flightdeck: {
      operationsAccountId: operations.id,
      ecrRegion: estate.region,
      repositoryNamespace: estate.orgName,
      githubOwners: ['acme'],
      syncTimeoutSeconds: 10,
      clusters: [
        {
          name: estate.clusters.sandbox.name,
          accountId: sandbox.id,
          region: estate.region,
          hostedZone: estate.zones.sandbox.name,
          ingress: workloadIngress('sandbox'),
        },
        {
          name: estate.clusters.production.name,
          accountId: production.id,
          region: estate.region,
          hostedZone: estate.zones.production.name,
          ingress: workloadIngress('production'),
        },
      ],
    },
  };
}

/** The team the test workloads belong to: a Group in the tests' catalogs. */
export const WORKLOAD_OWNER = 'group:default/app-developers';

/** The catalog Group entity of {@link WORKLOAD_OWNER}. */
export const workloadOwnerGroup = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'app-developers', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** A workload staged in Sandbox and released to Production. */
export function workloadInput(
  estate: ReferenceEstate,
  name: string,
): JsonObject {
  return {
    name,
    githubRepository: `acme/${name}`,
    owner: WORKLOAD_OWNER,
    stages: [
      {
        name: 'staging',
        account: estate.accounts.sandbox.id,
        clusters: [estate.clusters.sandbox.name],
      },
      {
        name: 'production',
        account: estate.accounts.production.id,
        clusters: [estate.clusters.production.name],
      },
    ],
  };
}

import type { ReferenceEstate } from '@internal/local-aws';
import type { ActionsConfig } from '../actionsConfig';

/**
 * The actions' configuration for the seeded reference estate, as the portal
 * has it: Sandbox and Production allowlisted (Production as production),
 * subdomains under example.com, backups copied to the Backup account, and
 * both Flightdeck clusters with their zones and load balancers.
 */
export function estateActionsConfig(estate: ReferenceEstate): ActionsConfig {
  return {
    accounts: [
      {
        accountId: estate.accounts.sandbox.id,
        name: 'Sandbox',
        production: false,
      },
      {
        accountId: estate.accounts.production.id,
        name: 'Production',
        production: true,
      },
    ],
    route53: {
      networkAccountId: estate.accounts.network.id,
      parentZones: ['example.com'],
      ttl: 3600,
      syncTimeoutSeconds: 30,
    },
    backup: {
      backupAccountId: estate.accounts.backup.id,
      vaultName: 'user-backup-vault',
      selectionRoleName: 'backup-selection-role',
      allowedRegions: ['us-east-1', 'us-west-2'],
    },
    flightdeck: {
      operationsAccountId: estate.accounts.operations.id,
      ecrRegion: 'us-east-1',
      repositoryNamespace: 'acme',
      githubOwners: ['acme'],
      syncTimeoutSeconds: 30,
      clusters: [
        {
          name: 'acme-sandbox-v1',
          accountId: estate.accounts.sandbox.id,
          region: 'us-east-1',
          hostedZone: 'sandbox.example.com',
          ingress: {
            dnsName: 'flightdeck-sandbox.elb.us-east-1.amazonaws.com',
            hostedZoneId: 'Z35SXDOTRQ7X7K',
          },
        },
        {
          name: 'acme-production-v1',
          accountId: estate.accounts.production.id,
          region: 'us-east-1',
          hostedZone: 'production.example.com',
          ingress: {
            dnsName: 'flightdeck-production.elb.us-east-1.amazonaws.com',
            hostedZoneId: 'Z35SXDOTRQ7X7K',
          },
        },
      ],
    },
  };
}

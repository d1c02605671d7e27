export interface Config {
  scaffolder?: {
    /** Scaffolder actions of the AWS Platform suite. */
    awsPlatform?: {
      /**
       * The only AWS accounts the actions may change. Templates pick one by
       * account id or by the catalog entity of the account; anything else is
       * refused before any AWS call.
       */
      accounts?: Array<{
        accountId: string;
        /** A name for logs and reviews, e.g. `Production`. */
        name: string;
        /** Changes to this account also need the production permission. */
        production?: boolean;
      }>;
      /** Delegated subdomains. */
      route53?: {
        /** The Network account that holds the root zones. */
        networkAccountId: string;
        /** Public zones in the Network account that subdomains may be delegated from. */
        parentZones: string[];
        /** TTL of the NS records in the parent. Default 3600, as in the guide. */
        ttl?: number;
        /** How long to wait for Route 53 to report a change in sync. Default 300. */
        syncTimeoutSeconds?: number;
        /**
         * First labels of subdomains no template may request, e.g.
         * `[www, mail, api, admin]`. Given, it replaces the default list
         * `www`, `mail`, `api`, `admin`, `autodiscover`; `[]` reserves none.
         */
        reservedSubdomains?: string[];
      };
      /** Backup plans (the guide's backup conventions, section d). */
      backup?: {
        /**
         * The Backup account: every plan copies into the vault of the same
         * name there (unless a template opts out), so the action checks that
         * the vault exists in the plan's region of this account.
         */
        backupAccountId: string;
        /**
         * The vault name used in every account and region, org-wide.
         * Default `user-backup-vault`.
         */
        vaultName?: string;
        /**
         * The IAM role in each workload account that AWS Backup assumes for
         * tag-based selections. Default `backup-selection-role`.
         */
        selectionRoleName?: string;
        /**
         * Regions plans (and secondary-region copies) may be created in, e.g.
         * `[us-east-1, us-west-2]`. Omit to allow any region.
         */
        allowedRegions?: string[];
      };
      /** New Flightdeck workloads (the guide's sections b.4 and e). */
      flightdeck?: {
        /**
         * The Operations account: it holds each workload's ECR repository
         * `<repositoryNamespace>/<app>` and the CI role that pushes to it.
         */
        operationsAccountId: string;
        /** Region of the ECR repositories. Default `us-east-1`. */
        ecrRegion?: string;
        /** `<org>` in the repository name `<org>/<app>`, e.g. `acme`. */
        repositoryNamespace: string;
        /**
         * The only GitHub owners (organizations or users) whose repositories
         * may get CI roles, e.g. `[acme]`. Required: a template naming any
         * other owner is refused before any AWS call. Spell them as GitHub
         * does; the trust policies compare the OIDC `sub` claim exactly.
         */
        githubOwners: string[];
        /**
         * The only Flightdeck clusters workloads may be set up for. Templates
         * pick one by name or by its catalog entity; a cluster not listed
         * here is refused before any AWS call.
         */
        clusters: Array<{
          /** The EKS cluster name, e.g. `acme-production-v1`. */
          name: string;
          /** The cluster's account; it must be in `accounts` too. */
          accountId: string;
          /** The cluster's region, e.g. `us-east-1`. */
          region: string;
          /**
           * The stage's public zone in the cluster's account, where the
           * hosts of the workloads go by default, e.g. `production.example.com`.
           */
          hostedZone: string;
          /**
           * The stage's load balancer (the guide's ingress module), which
           * the hosts' ALIAS records point at. One load balancer serves all
           * clusters of a stage (blue/green), so they list the same one.
           */
          ingress: {
            /** Its DNS name, e.g. `acme-production-123456789.us-east-1.elb.amazonaws.com`. */
            dnsName: string;
            /** Its canonical hosted zone id, e.g. `Z35SXDOTRQ7X7K` for ALBs in us-east-1. */
            hostedZoneId: string;
          };
        }>;
        /** How long to wait for Route 53 to report a record in sync. Default 300. */
        syncTimeoutSeconds?: number;
      };
    };
  };
}

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
    };
  };
}

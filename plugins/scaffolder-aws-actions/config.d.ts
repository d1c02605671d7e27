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
    };
  };
}

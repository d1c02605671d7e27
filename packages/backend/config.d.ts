export interface Config {
  awsPlatform?: {
    /** The portal's permission policy (packages/backend/src/permissions). */
    permissions?: {
      /**
       * Groups whose members may do everything, including changes to
       * production accounts, registering and unregistering catalog
       * locations, managing templates and the Kubernetes proxy. Entity refs;
       * a bare name is a group in the default namespace. Empty or unset:
       * nobody holds those permissions.
       */
      platformGroups?: string[];
    };
  };
}

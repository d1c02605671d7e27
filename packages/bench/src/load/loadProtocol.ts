/** What `yarn bench:load` and its backend child exchange. */

/** The child's job, as its one argument (JSON). */
export type LoadJob = {
  region: string;
  roleName: string;
  /** awsPlatform.liveStatus.cacheTtl. */
  cacheTtlMs: number;
};

/** One entity the load is spread over, and the endpoint that serves it. */
export type LoadTarget = {
  endpoint: 'clusters' | 'zones' | 'backups';
  entityRef: string;
};

/** Sent once the backend listens. */
export type LoadReady = {
  type: 'ready';
  baseUrl: string;
  /** A user's token the mock auth accepts, as an Authorization header. */
  authorization: string;
  targets: LoadTarget[];
  /** Entities in the catalog. */
  entities: number;
};

/** One answer the live status API stored: one AWS read of that resource. */
export type CacheWrite = { key: string; atMs: number };

/** Sent when the orchestrator asks for `{ type: 'report' }`. */
export type LoadReport = { type: 'report'; cacheWrites: CacheWrite[] };

import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  IngestionStatusResponse,
  LiveBackupActivity,
  LiveClusterStatus,
  LiveZoneDelegation,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * The `aws-platform` backend's HTTP API, for the browser. Every method
 * rejects with a `ResponseError` (from `@backstage/errors`) when the backend
 * answers with an error status, so callers can tell 403 from 404 by
 * `error.response.status`.
 * @public
 */
export interface AwsPlatformApi {
  /** Live node groups, add-ons and upgrade insights of an EKS cluster entity. */
  getClusterLiveStatus(entityRef: string): Promise<LiveClusterStatus>;
  /** The live delegation check of a DNS zone entity. */
  getZoneDelegation(entityRef: string): Promise<LiveZoneDelegation>;
  /** Recent jobs, copy jobs and recovery points of a backup vault or plan entity. */
  getBackupActivity(entityRef: string): Promise<LiveBackupActivity>;
  /** The outcome of the last ingestion run of each entity provider. */
  getIngestionStatus(): Promise<IngestionStatusResponse>;
}

/**
 * Reference to the {@link AwsPlatformApi}.
 * @public
 */
export const awsPlatformApiRef = createApiRef<AwsPlatformApi>().with({
  id: 'plugin.aws-platform.api',
  pluginId: 'aws-platform',
});

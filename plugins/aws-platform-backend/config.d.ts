import { HumanDuration } from '@backstage/types';

export interface Config {
  awsPlatform?: {
    /**
     * The `aws-platform` plugin's live status endpoints
     * (`/api/aws-platform/live/*`).
     */
    liveStatus?: {
      /**
       * How long an answer read from AWS is reused for every caller, per
       * resource: `{ seconds: 30 }`, `'2m'` or `'PT1M'`. Default 60 seconds.
       */
      cacheTtl?: HumanDuration | string;
      /** Days of backup jobs, copy jobs and recovery points read. Default 7, at most 90. */
      backupDays?: number;
      /** Jobs, copy jobs and recovery points returned per list at most. Default 50, at most 500. */
      backupMaxItems?: number;
    };
  };
}

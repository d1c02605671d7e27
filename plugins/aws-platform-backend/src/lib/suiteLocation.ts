/*
 * Where the suite's entities come from. The ingestion writes it, the live
 * status endpoints and the catalog processor check it, and the frontend
 * filters by it, so all of them read it from the common package.
 */
export {
  isSuiteLocationRef,
  SUITE_LOCATION_KEY,
  suiteLocationRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

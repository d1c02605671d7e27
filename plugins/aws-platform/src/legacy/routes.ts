import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  accessReviewRouteRef,
  accountMapRouteRef,
  ownershipRouteRef,
  renderedFilesRouteRef,
  rootRouteRef,
} from '../routes';

/*
 * The legacy plugin mounts its pages on the new system's route refs, made
 * usable by the legacy app too. The conversion adds the legacy fields to the
 * same objects, so a component's `useRouteRef(ownershipRouteRef)` resolves
 * in either app.
 */

/** `rootRouteRef` as a legacy route ref: the AWS Platform page. */
export const legacyRootRouteRef = convertLegacyRouteRef(rootRouteRef);

/** `accountMapRouteRef` as a legacy route ref: the account map page. */
export const legacyAccountMapRouteRef =
  convertLegacyRouteRef(accountMapRouteRef);

/** `ownershipRouteRef` as a legacy route ref: the ownership review. */
export const legacyOwnershipRouteRef = convertLegacyRouteRef(ownershipRouteRef);

/** `accessReviewRouteRef` as a legacy route ref: the access review. */
export const legacyAccessReviewRouteRef =
  convertLegacyRouteRef(accessReviewRouteRef);

/** `renderedFilesRouteRef` as a legacy route ref: a task's rendered files. */
export const legacyRenderedFilesRouteRef = convertLegacyRouteRef(
  renderedFilesRouteRef,
);

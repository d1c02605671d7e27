import { createRoutableExtension } from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { awsPlatformLegacyPlugin } from './plugin';
import {
  legacyAccessReviewRouteRef,
  legacyAccountMapRouteRef,
  legacyOwnershipRouteRef,
  legacyRenderedFilesRouteRef,
  legacyRootRouteRef,
} from './routes';

/*
 * Each page is loaded on first visit (`import()`), so an app that imports
 * these extensions does not load the pages on its first page.
 */

/**
 * The AWS Platform page of a legacy app: the organization's accounts. Mount
 * it at `/aws-platform` in `<FlatRoutes>`.
 * @public
 */
export const AwsPlatformPage: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createRoutableExtension({
      name: 'AwsPlatformPage',
      mountPoint: legacyRootRouteRef,
      component: () => import('./LegacyPages').then(m => m.LegacyAccountsPage),
    }),
  );

/**
 * The account map page of a legacy app: the whole organization drawn by
 * organizational unit. Mount it at `/aws-platform/map`.
 * @public
 */
export const AwsAccountMapPage: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createRoutableExtension({
      name: 'AwsAccountMapPage',
      mountPoint: legacyAccountMapRouteRef,
      component: () =>
        import('./LegacyPages').then(m => m.LegacyAccountMapPage),
    }),
  );

/**
 * The ownership review page of a legacy app. Mount it at
 * `/aws-platform/ownership`; the accounts page links to it once mounted.
 * @public
 */
export const AwsOwnershipPage: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createRoutableExtension({
      name: 'AwsOwnershipPage',
      mountPoint: legacyOwnershipRouteRef,
      component: () => import('./LegacyPages').then(m => m.LegacyOwnershipPage),
    }),
  );

/**
 * The access review page of a legacy app (IAM Identity Center access per
 * account). Mount it at `/aws-platform/access`.
 * @public
 */
export const AwsAccessReviewPage: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createRoutableExtension({
      name: 'AwsAccessReviewPage',
      mountPoint: legacyAccessReviewRouteRef,
      component: () =>
        import('./LegacyPages').then(m => m.LegacyAccessReviewPage),
    }),
  );

/**
 * A task's rendered files in a legacy app: the files a template kept for
 * download when it did not publish them. Mount it at
 * `/aws-platform/rendered-files/:taskId`, where the templates link to it.
 * @public
 */
export const AwsRenderedFilesPage: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createRoutableExtension({
      name: 'AwsRenderedFilesPage',
      mountPoint: legacyRenderedFilesRouteRef,
      component: () =>
        import('./LegacyPages').then(m => m.LegacyRenderedFilesPage),
    }),
  );

import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import AssignmentIndIcon from '@material-ui/icons/AssignmentInd';
import VpnKeyIcon from '@material-ui/icons/VpnKey';
import CloudIcon from '@material-ui/icons/Cloud';
import { awsPlatformApi } from './api';
import {
  awsAccountEntityCard,
  awsServiceEntityCard,
  backupEntityCard,
  dnsZoneEntityCard,
  eksClusterEntityCard,
} from './extensions/entityCards';
import { awsChangesReviewFormField } from './extensions/changesReviewField';
import { awsResourcePickerFormField } from './extensions/resourcePickerField';
import { awsOptionalStepFormField } from './extensions/optionalStepField';
import {
  awsAccountMapEntityContent,
  awsAccountMapSubPage,
  awsAccountsSubPage,
} from './extensions/accountMap';
import {
  accessReviewRouteRef,
  accountMapRouteRef,
  accountsRouteRef,
  ownershipRouteRef,
  renderedFilesRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The AWS Platform page, at `/aws-platform` with an item in the sidebar. Its
 * tabs are sub-pages: the accounts table (the default) and the account map
 * (see `./extensions/accountMap`).
 * @public
 */
export const awsPlatformPage = PageBlueprint.make({
  params: {
    path: '/aws-platform',
    title: 'AWS Platform',
    icon: <CloudIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
  },
});

/**
 * The ownership review (`page:aws-platform/ownership`), at
 * `/aws-platform/ownership` with an item in the sidebar.
 * @public
 */
export const awsOwnershipPage = PageBlueprint.make({
  name: 'ownership',
  params: {
    path: '/aws-platform/ownership',
    title: 'Ownership',
    icon: <AssignmentIndIcon fontSize="inherit" />,
    routeRef: ownershipRouteRef,
    loader: () =>
      import('./components/OwnershipPage').then(m => <m.OwnershipPage />),
  },
});

/**
 * The access review (`page:aws-platform/access`), at `/aws-platform/access`
 * with an item in the sidebar beside the ownership review: who can sign in
 * to each account with which IAM Identity Center permission set.
 * @public
 */
export const awsAccessReviewPage = PageBlueprint.make({
  name: 'access',
  params: {
    path: '/aws-platform/access',
    title: 'Access',
    icon: <VpnKeyIcon fontSize="inherit" />,
    routeRef: accessReviewRouteRef,
    loader: () =>
      import('./components/AccessReview').then(m => <m.AccessReviewPage />),
  },
});

/**
 * A task's rendered files (`page:aws-platform/rendered-files`), at
 * `/aws-platform/rendered-files/:taskId`: the templates link to it from
 * their output when they do not publish. No item in the sidebar.
 * @public
 */
export const awsRenderedFilesPage = PageBlueprint.make({
  name: 'rendered-files',
  params: {
    path: '/aws-platform/rendered-files/:taskId',
    routeRef: renderedFilesRouteRef,
    loader: () =>
      import('./components/RenderedFiles').then(m => <m.RenderedFilesPage />),
  },
});

/**
 * The AWS Platform frontend plugin (new frontend system).
 * @public
 */
export const awsPlatformPlugin = createFrontendPlugin({
  pluginId: 'aws-platform',
  // The header of its pages without a title of their own (rendered files).
  title: 'AWS Platform',
  icon: <CloudIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  extensions: [
    awsPlatformApi,
    awsPlatformPage,
    awsAccountsSubPage,
    awsAccountMapSubPage,
    awsAccountMapEntityContent,
    awsOwnershipPage,
    awsAccessReviewPage,
    awsRenderedFilesPage,
    awsAccountEntityCard,
    eksClusterEntityCard,
    dnsZoneEntityCard,
    backupEntityCard,
    awsServiceEntityCard,
    awsChangesReviewFormField,
    awsResourcePickerFormField,
    awsOptionalStepFormField,
  ],
  routes: {
    root: rootRouteRef,
    accounts: accountsRouteRef,
    accountMap: accountMapRouteRef,
    ownership: ownershipRouteRef,
    accessReview: accessReviewRouteRef,
    renderedFiles: renderedFilesRouteRef,
  },
});

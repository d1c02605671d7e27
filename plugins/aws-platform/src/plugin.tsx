import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import CloudIcon from '@material-ui/icons/Cloud';
import { rootRouteRef } from './routes';

/**
 * The AWS Platform page, at `/aws-platform` with an item in the sidebar.
 * @public
 */
export const awsPlatformPage = PageBlueprint.make({
  params: {
    path: '/aws-platform',
    title: 'AWS Platform',
    icon: <CloudIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/AwsAccountsPage').then(m => <m.AwsAccountsPage />),
  },
});

/**
 * The AWS Platform frontend plugin (new frontend system).
 * @public
 */
export const awsPlatformPlugin = createFrontendPlugin({
  pluginId: 'aws-platform',
  info: { packageJson: () => import('../package.json') },
  extensions: [awsPlatformPage],
  routes: {
    root: rootRouteRef,
  },
});

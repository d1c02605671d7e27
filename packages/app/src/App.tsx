import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogPageWithAwsColumns } from './modules/catalog/catalogPage';
import { navModule } from './modules/nav';

// Other plugins (including the AWS Platform suite's) are discovered from
// packages/app/package.json through `app.packages: all` in app-config.yaml.
export default createApp({
  features: [
    catalogPlugin.withOverrides({ extensions: [catalogPageWithAwsColumns] }),
    navModule,
  ],
});

import { coreExtensionData } from '@backstage/frontend-plugin-api';
import catalogPlugin, {
  CatalogIndexPage,
} from '@backstage/plugin-catalog/alpha';
import { awsCatalogColumns } from '@aws-platform-suite/backstage-plugin-aws-platform';
import { Fragment } from 'react';

/**
 * The catalog page (`page:catalog`) with the AWS Platform suite's columns:
 * Resources list their type in words and what they are part of, by title
 * (`awsCatalogColumns`), instead of seven narrow columns the suite's
 * entities leave half empty. The page's filters and pagination config are
 * kept; export settings are left out, as this portal does not turn export
 * on (`exportSettings.enabled`).
 */
export const catalogPageWithAwsColumns = catalogPlugin
  .getExtension('page:catalog')
  .override({
    factory(originalFactory, { inputs, config }) {
      return originalFactory({
        params: {
          loader: async () => (
            <CatalogIndexPage
              filters={
                <>
                  {inputs.filters.map(filter => (
                    <Fragment key={filter.node.spec.id}>
                      {filter.get(coreExtensionData.reactElement)}
                    </Fragment>
                  ))}
                </>
              }
              pagination={config.pagination}
              columns={awsCatalogColumns}
            />
          ),
        },
      });
    },
  });

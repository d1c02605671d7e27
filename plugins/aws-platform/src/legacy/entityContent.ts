import { createComponentExtension } from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { awsPlatformLegacyPlugin } from './plugin';

/**
 * The account map as an entity page tab of a legacy app, opened down to the
 * entity; for entities matching `isAwsAccountMapEntity`. Loaded when the tab
 * is first opened.
 * @public
 */
export const EntityAwsAccountMapContent: () => JSX.Element =
  awsPlatformLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccountMapContent',
      component: {
        lazy: () =>
          import('../components/AccountMap').then(
            m => m.EntityAccountMapContent,
          ),
      },
    }),
  );

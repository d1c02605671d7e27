import { Header, Page } from '@backstage/core-components';
import { compatWrapper } from '@backstage/core-compat-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ReactNode } from 'react';
import { awsPlatformTranslationRef } from '../translation';

/**
 * The page frame a legacy app expects each page to draw itself; in the new
 * system the app's `PageBlueprint` draws it around the same components.
 */
export function LegacyPageShell(props: { children: ReactNode }) {
  // The pages' `useRouteRef` (new system) needs the route resolution API,
  // which a legacy app provides only through the compat wrapper.
  return compatWrapper(<PageFrame>{props.children}</PageFrame>);
}

function PageFrame(props: { children: ReactNode }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} />
      {props.children}
    </Page>
  );
}

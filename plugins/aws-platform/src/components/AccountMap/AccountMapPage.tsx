import { Entity } from '@backstage/catalog-model';
import { Content, ContentHeader } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { AWS_ENTITY_TYPES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { awsPlatformTranslationRef } from '../../translation';
import { AsyncState } from '../shared/AsyncState';
import { AccountMap } from './AccountMap';
import { useOrganizationEntities } from './useOrganizationEntities';

/**
 * The account map page: the whole organization, read from the catalog.
 * @public
 */
export function AccountMapPage() {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { value: entities, loading, error } = useOrganizationEntities();
  return (
    <Content>
      <ContentHeader
        title={t('accountMap.title')}
        description={t('accountMap.subtitle')}
      />
      <AccountMapBody entities={entities} loading={loading} error={error} />
    </Content>
  );
}

/** The map, or its loading, error or empty state. */
export function AccountMapBody(props: {
  entities?: Entity[];
  loading: boolean;
  error?: Error;
  focusRef?: string;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const hasAccounts = Boolean(
    props.entities?.some(e => e.spec?.type === AWS_ENTITY_TYPES.account),
  );
  return (
    <AsyncState
      loading={props.loading}
      error={props.error}
      empty={!hasAccounts}
      emptyTitle={t('accountMap.title')}
      emptyDescription={t('accountMap.empty')}
    >
      {() => (
        <AccountMap entities={props.entities ?? []} focusRef={props.focusRef} />
      )}
    </AsyncState>
  );
}

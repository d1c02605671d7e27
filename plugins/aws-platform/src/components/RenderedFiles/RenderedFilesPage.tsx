import {
  useRouteRefParams,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTaskEventStream } from '@backstage/plugin-scaffolder-react';
import { Alert, Container, Flex, Text } from '@backstage/ui';
import { renderedFilesRouteRef } from '../../routes';
import { awsPlatformTranslationRef } from '../../translation';
import {
  renderedFilesState,
  type RenderedFilesState,
} from './renderedFilesState';
import { RenderedFilesView } from './RenderedFilesView';

/**
 * The rendered files a template run kept for download (the
 * `aws-platform:rendered-files:keep` action's archive in the task's
 * output), at `/aws-platform/rendered-files/:taskId`. The task is read
 * through the scaffolder's API with the user's own token, so its task read
 * permission decides who sees the files.
 * @public
 */
export function RenderedFilesPage() {
  const { taskId } = useRouteRefParams(renderedFilesRouteRef);
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const stream = useTaskEventStream(taskId);
  const template = stream.task?.spec.templateInfo?.entity?.metadata;
  const templateName = template?.title ?? template?.name;

  return (
    <Container pt="4">
      <Flex direction="column" gap="1" mb="4">
        <Text as="h2" variant="title-small">
          {t('renderedFiles.title')}
        </Text>
        <Text color="secondary">
          {templateName
            ? t('renderedFiles.subtitle', { template: templateName })
            : t('renderedFiles.subtitleNoTemplate')}
        </Text>
      </Flex>
      <RenderedFilesBody state={renderedFilesState(stream)} />
    </Container>
  );
}

function RenderedFilesBody(props: { state: RenderedFilesState }) {
  const { state } = props;
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  switch (state.kind) {
    case 'loading':
      return <Progress />;
    case 'loadFailed':
      return (
        <ResponseErrorPanel
          error={state.error}
          title={t('renderedFiles.loadFailed')}
        />
      );
    case 'running':
      return <Alert status="info" title={t('renderedFiles.running')} />;
    case 'ended':
      return (
        <Alert
          status="warning"
          title={t('renderedFiles.ended', { status: state.status })}
        />
      );
    case 'none':
      return (
        <EmptyState
          missing="data"
          title={t('renderedFiles.noneTitle')}
          description={t('renderedFiles.noneDescription')}
        />
      );
    default:
      return <RenderedFilesView files={state.files} />;
  }
}

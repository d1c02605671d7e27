import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * What a page shows while its catalog query runs, when it fails, when it
 * finds nothing, and otherwise what `children` renders.
 */
export function AsyncState(props: {
  loading: boolean;
  error?: Error;
  empty: boolean;
  emptyTitle: string;
  emptyDescription: string;
  children: () => ReactNode;
}) {
  if (props.loading) return <Progress />;
  if (props.error) return <ResponseErrorPanel error={props.error} />;
  if (props.empty) {
    return (
      <EmptyState
        missing="data"
        title={props.emptyTitle}
        description={props.emptyDescription}
      />
    );
  }
  return <>{props.children()}</>;
}

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
  /** Says what the error means to the user; the error's details stay below it. */
  errorTitle?: string;
  empty: boolean;
  emptyTitle: string;
  emptyDescription: string;
  children: () => ReactNode;
}) {
  if (props.loading) return <Progress />;
  if (props.error) {
    return <ResponseErrorPanel error={props.error} title={props.errorTitle} />;
  }
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

import {
  renderedFilesOf,
  RenderedFiles,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** What the scaffolder's task event stream says, as far as the page needs. */
export type TaskStreamView = {
  task?: { status?: string };
  completed: boolean;
  cancelled: boolean;
  error?: Error;
  output?: unknown;
};

/** The scaffolder's statuses of a task that will not run again by itself. */
const ENDED = ['completed', 'failed', 'cancelled'];

/** What the rendered files page shows. */
export type RenderedFilesState =
  | { kind: 'loading' }
  | { kind: 'loadFailed'; error: Error }
  | { kind: 'running' }
  | { kind: 'ended'; status: 'failed' | 'cancelled' }
  | { kind: 'none' }
  | { kind: 'files'; files: RenderedFiles };

/**
 * The page's state from the task's stream: an error before the task was
 * read is the page's own; after, it is the task's failure (the stream's
 * completion event carries it).
 */
export function renderedFilesState(stream: TaskStreamView): RenderedFilesState {
  if (!stream.task) {
    return stream.error
      ? { kind: 'loadFailed', error: stream.error }
      : { kind: 'loading' };
  }
  if (stream.cancelled) return { kind: 'ended', status: 'cancelled' };
  if (stream.error) return { kind: 'ended', status: 'failed' };
  if (!stream.completed) {
    // A task that ended before the page opened: its events are on the way,
    // and "still running" would flash before they come.
    return ENDED.includes(stream.task.status ?? '')
      ? { kind: 'loading' }
      : { kind: 'running' };
  }
  const files = renderedFilesOf(stream.output);
  return files ? { kind: 'files', files } : { kind: 'none' };
}

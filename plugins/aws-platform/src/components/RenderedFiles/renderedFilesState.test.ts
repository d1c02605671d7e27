import { renderedFilesState } from './renderedFilesState';

const task = { status: 'open' };
const renderedFiles = {
  fileName: 'shop.zip',
  contentBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==',
  archiveBytes: 22,
  files: [{ path: 'app/catalog-info.yaml', bytes: 16 }],
};
const idle = { completed: false, cancelled: false };

describe('renderedFilesState', () => {
  it('loads until the task is read, and fails when it cannot be', () => {
    expect(renderedFilesState(idle)).toEqual({ kind: 'loading' });
    const error = new Error('NotFoundError: no task task-7');
    expect(renderedFilesState({ ...idle, error })).toEqual({
      kind: 'loadFailed',
      error,
    });
  });

  it('waits for a running task', () => {
    expect(renderedFilesState({ ...idle, task })).toEqual({ kind: 'running' });
    expect(
      renderedFilesState({ ...idle, task: { status: 'processing' } }),
    ).toEqual({ kind: 'running' });
  });

  it('loads, not "running", while an ended task\'s events are on the way', () => {
    expect(
      renderedFilesState({ ...idle, task: { status: 'completed' } }),
    ).toEqual({ kind: 'loading' });
  });

  it("tells a failed or cancelled task apart from the page's own failure", () => {
    expect(
      renderedFilesState({
        ...idle,
        task,
        completed: true,
        error: new Error('Nothing was changed: …'),
      }),
    ).toEqual({ kind: 'ended', status: 'failed' });
    expect(renderedFilesState({ ...idle, task, cancelled: true })).toEqual({
      kind: 'ended',
      status: 'cancelled',
    });
  });

  it('offers the files a completed task kept, or says it kept none', () => {
    expect(
      renderedFilesState({
        ...idle,
        task,
        completed: true,
        output: { renderedFiles, links: [] },
      }),
    ).toEqual({ kind: 'files', files: renderedFiles });
    expect(
      renderedFilesState({ ...idle, task, completed: true, output: {} }),
    ).toEqual({ kind: 'none' });
  });
});

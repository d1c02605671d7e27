import { renderTestApp } from '@backstage/frontend-test-utils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { fireEvent, screen } from '@testing-library/react';
import { awsPlatformPlugin } from '../../plugin';
import { fakeScaffolder } from '../../__testUtils__/fakeScaffolder';

// The page through its extension, at its route, on a fake scaffolder API:
// the real task's run, and the zip the browser saves, are the portal's
// browser test (packages/app/e2e-tests/rendered-files.test.ts).
jest.setTimeout(30_000);

const renderedFiles = {
  fileName: 'shop.zip',
  // Four bytes, 0 1 2 255: what the saved file must hold, decoded.
  contentBase64: 'AAEC/w==',
  archiveBytes: 1_250,
  files: [
    { path: 'app/catalog-info.yaml', bytes: 310 },
    { path: 'infrastructure/main.tf', bytes: 12_449 },
  ],
};

function renderPage(api: ReturnType<typeof fakeScaffolder>) {
  const extension = awsPlatformPlugin.getExtension(
    'page:aws-platform/rendered-files',
  );
  expect(extension).toBeDefined();
  renderTestApp({
    extensions: [extension],
    apis: [[scaffolderApiRef, api]],
    initialRouteEntries: ['/aws-platform/rendered-files/task-1'],
  });
}

describe('page:aws-platform/rendered-files', () => {
  afterEach(() => jest.restoreAllMocks());

  it("lists the files the task kept and saves its archive, decoded, under the archive's name", async () => {
    const api = fakeScaffolder(
      { output: { renderedFiles } },
      { status: 'completed', templateTitle: 'New Flightdeck workload' },
    );
    const saved: { blob?: Blob; name?: string } = {};
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.blob = blob;
      return 'blob:rendered';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function click(this: HTMLAnchorElement) {
        saved.name = this.download;
      });
    renderPage(api);

    expect(
      await screen.findByText('2 files, a 1.3 kB zip archive'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'What New Flightdeck workload rendered, kept with its task for download',
      ),
    ).toBeInTheDocument();
    for (const text of [
      'app/catalog-info.yaml',
      '310 B',
      'infrastructure/main.tf',
      '12.4 kB',
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
    expect(api.getTask).toHaveBeenCalledWith('task-1');

    fireEvent.click(screen.getByRole('button', { name: 'Download shop.zip' }));
    expect(saved.name).toBe('shop.zip');
    expect(saved.blob?.type).toBe('application/zip');
    const bytes = new Uint8Array(await saved.blob!.arrayBuffer());
    expect([...bytes]).toEqual([0, 1, 2, 255]);
  });

  it('says when a completed task kept no files', async () => {
    renderPage(
      fakeScaffolder({ output: { links: [] } }, { status: 'completed' }),
    );
    expect(
      await screen.findByText('This task kept no rendered files'),
    ).toBeInTheDocument();
  });

  it('says a failed task kept none, and how to go on', async () => {
    renderPage(
      fakeScaffolder(
        { error: { name: 'ConflictError', message: 'Nothing was changed' } },
        { status: 'failed' },
      ),
    );
    expect(
      await screen.findByText(
        /The task ended as failed, so it kept no rendered files/,
      ),
    ).toBeInTheDocument();
  });

  it('waits for a running task', async () => {
    renderPage(fakeScaffolder(undefined, { status: 'processing' }));
    expect(
      await screen.findByText(/The task is still running/),
    ).toBeInTheDocument();
  });
});

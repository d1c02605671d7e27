import {
  renderedFilesOf,
  renderedFilesPath,
  RENDERED_FILES_OUTPUT_KEY,
} from './renderedFiles';

const kept = {
  fileName: 'payments-api.zip',
  contentBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==',
  archiveBytes: 22,
  files: [{ path: 'app/catalog-info.yaml', bytes: 310 }],
};

describe('renderedFilesOf', () => {
  it('reads the archive a task output carries', () => {
    expect(
      renderedFilesOf({ [RENDERED_FILES_OUTPUT_KEY]: kept, links: [] }),
    ).toEqual(kept);
  });

  it.each([
    ['no output', undefined],
    ['an output without the key', { links: [] }],
    ['a string', { renderedFiles: 'app.zip' }],
    [
      'a file list of another shape',
      { renderedFiles: { ...kept, files: [{ path: 'a' }] } },
    ],
    ['no content', { renderedFiles: { ...kept, contentBase64: undefined } }],
  ])('reads nothing from %s', (_, output) => {
    expect(renderedFilesOf(output)).toBeUndefined();
  });
});

describe('renderedFilesPath', () => {
  it("is the AWS Platform page's path for the task, its id encoded", () => {
    expect(renderedFilesPath('0b1c-2d')).toBe(
      '/aws-platform/rendered-files/0b1c-2d',
    );
    expect(renderedFilesPath('a/b')).toBe('/aws-platform/rendered-files/a%2Fb');
  });
});

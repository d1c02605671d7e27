import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { renderedFilesOf } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import JSZip from 'jszip';
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'yaml';
import type { KeepRenderedFilesInput } from './actionTypes';
import {
  keepRenderedFilesAction,
  RENDERED_FILES_LIMITS,
} from './keepRenderedFiles';
import { examples } from './keepRenderedFiles.examples';

// A real workspace on disk, as fetch:template leaves it, and the real zip
// the action writes, read back with JSZip.
const workspace = createMockDirectory();

function rendered() {
  workspace.setContent({
    'app/catalog-info.yaml': 'kind: Component\n',
    'app/.github/workflows/deploy.yaml': 'on: push\n',
    'app/bin/release': '#!/bin/sh\necho release\n',
    'infrastructure/main.tf': 'module "workload" {}\n',
    'notes.txt': 'not asked for',
  });
  chmodSync(join(workspace.path, 'app/bin/release'), 0o755);
}

async function keep(input: KeepRenderedFilesInput) {
  const ctx = createMockActionContext({
    input,
    workspacePath: workspace.path,
    task: { id: 'task-7' },
  });
  await keepRenderedFilesAction().handler(ctx);
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls as [string, any][],
  );
}

describe('aws-platform:rendered-files:keep', () => {
  beforeEach(rendered);

  it('zips the asked folders into the output, with their paths and executable bits', async () => {
    const outputs = await keep({
      paths: ['app', 'infrastructure'],
      name: 'payments-api',
    });
    expect(outputs.downloadPath).toBe('/aws-platform/rendered-files/task-7');
    const kept = renderedFilesOf({ renderedFiles: outputs.renderedFiles })!;
    expect(kept.fileName).toBe('payments-api.zip');
    expect(kept.files).toEqual([
      { path: 'app/.github/workflows/deploy.yaml', bytes: 9 },
      { path: 'app/bin/release', bytes: 23 },
      { path: 'app/catalog-info.yaml', bytes: 16 },
      { path: 'infrastructure/main.tf', bytes: 21 },
    ]);

    const zip = await JSZip.loadAsync(kept.contentBase64, { base64: true });
    expect(kept.archiveBytes).toBe(
      Buffer.from(kept.contentBase64, 'base64').length,
    );
    expect(
      Object.values(zip.files)
        .filter(entry => !entry.dir)
        .map(entry => entry.name)
        .sort(),
    ).toEqual(kept.files.map(file => file.path));
    expect(await zip.file('infrastructure/main.tf')!.async('string')).toBe(
      'module "workload" {}\n',
    );
    expect(zip.file('app/bin/release')!.unixPermissions).toBe(0o100755);
  });

  it('keeps the whole workspace by default, each file once', async () => {
    const outputs = await keep({ name: 'all' });
    expect(outputs.renderedFiles.files.map((f: any) => f.path)).toContain(
      'notes.txt',
    );
    const twice = await keep({ paths: ['app', 'app/bin'], name: 'twice' });
    expect(twice.renderedFiles.files).toHaveLength(3);
  });

  it.each([
    [
      'a path out of the workspace',
      { paths: ['../elsewhere'], name: 'x' },
      /outside the task's workspace/,
    ],
    [
      'an absolute path',
      { paths: ['/etc'], name: 'x' },
      /outside the task's workspace/,
    ],
    [
      'a missing folder',
      { paths: ['docs'], name: 'x' },
      /docs is not in the task's workspace/,
    ],
    [
      'a name that is a path',
      { paths: ['app'], name: '../x' },
      /must be 1 to 100 letters/,
    ],
    [
      'a hidden name',
      { paths: ['app'], name: '.zip' },
      /must be 1 to 100 letters/,
    ],
  ])('refuses %s with an InputError', async (_, input, message) => {
    const failure = keep(input);
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(message);
  });

  it('refuses a symbolic link, which could lead out of the workspace', async () => {
    symlinkSync('/etc/hostname', join(workspace.path, 'app/hostname'));
    await expect(keep({ paths: ['app'], name: 'x' })).rejects.toThrow(
      'app/hostname is a symbolic link',
    );
  });

  it('refuses more files than a task keeps, naming the way out', async () => {
    const many = Object.fromEntries(
      Array.from({ length: RENDERED_FILES_LIMITS.maxFiles + 1 }, (_, i) => [
        `many/${i}.txt`,
        'x',
      ]),
    );
    workspace.setContent(many);
    await expect(keep({ paths: ['many'], name: 'x' })).rejects.toThrow(
      /exceed what a task keeps for download \(1000 files.*publish them/,
    );
  });

  it('refuses an archive over its limit once compressed', async () => {
    // Random bytes do not compress: 600 KiB of them make a larger archive.
    workspace.setContent({
      'big/noise.bin': Buffer.from(
        Array.from({ length: 600 * 1024 }, () =>
          Math.floor(Math.random() * 256),
        ),
      ),
    });
    await expect(keep({ paths: ['big'], name: 'x' })).rejects.toThrow(
      /archive is \d+ bytes, more than the 524288/,
    );
  });

  it('runs its documented example', async () => {
    const [example] = examples;
    const { steps } = yaml.parse(example.example);
    const outputs = await keep(steps[0].input);
    expect(outputs.renderedFiles.fileName).toBe('payments-api.zip');
  });
});

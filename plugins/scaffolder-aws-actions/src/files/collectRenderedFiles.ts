import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';

/** What {@link collectRenderedFiles} may read, so a task's output stays small. */
export type RenderedFilesLimits = {
  maxFiles: number;
  maxBytes: number;
};

/** One file read from the workspace, its path relative to it with `/`. */
export type WorkspaceFile = {
  path: string;
  content: Buffer;
  /** Unix permission bits, kept so executables stay executable. */
  mode: number;
};

/** The absolute path of `path`, refused when it leads out of the workspace. */
function inWorkspace(workspace: string, path: string): string {
  try {
    return resolveSafeChildPath(workspace, path);
  } catch (error) {
    if (!isError(error) || error.name !== 'NotAllowedError') throw error;
    throw new InputError(`${path} is outside the task's workspace`);
  }
}

const toArchivePath = (workspace: string, file: string) =>
  relative(workspace, file).split(sep).join(posix.sep);

/**
 * Reads the files under `paths` (folders or files in the workspace), sorted
 * by path. A path that leaves the workspace, a symbolic link (it could point
 * out of it) or more than the limits allow is refused as a whole.
 */
export async function collectRenderedFiles(
  workspace: string,
  paths: string[],
  limits: RenderedFilesLimits,
): Promise<WorkspaceFile[]> {
  const found = new Map<string, WorkspaceFile>();
  let bytes = 0;
  const visit = async (absolute: string): Promise<void> => {
    const stats = await lstat(absolute);
    const path = toArchivePath(workspace, absolute);
    if (stats.isSymbolicLink()) {
      throw new InputError(
        `${path} is a symbolic link; rendered files are kept only as regular files and folders`,
      );
    }
    if (stats.isDirectory()) {
      for (const entry of (await readdir(absolute)).sort()) {
        await visit(join(absolute, entry));
      }
      return;
    }
    if (!stats.isFile() || found.has(path)) return;
    bytes += stats.size;
    if (found.size + 1 > limits.maxFiles || bytes > limits.maxBytes) {
      throw new InputError(
        `The rendered files exceed what a task keeps for download (${limits.maxFiles} files, ${limits.maxBytes} bytes); publish them to a repository instead`,
      );
    }
    found.set(path, {
      path,
      content: await readFile(absolute),
      mode: stats.mode & 0o777,
    });
  };
  for (const path of paths) {
    await visit(inWorkspace(workspace, path)).catch(error => {
      if (error?.code !== 'ENOENT') throw error;
      throw new InputError(`${path} is not in the task's workspace`);
    });
  }
  // Code-point order, the same on every machine whatever its locale.
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

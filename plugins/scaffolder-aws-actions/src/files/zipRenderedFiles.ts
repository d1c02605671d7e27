import JSZip from 'jszip';
import type { WorkspaceFile } from './collectRenderedFiles';

const REGULAR_FILE = 0o100000;

/**
 * A zip archive of `files`, each under its workspace path, deflated and
 * with its Unix permissions (UNIX platform), dated `now`.
 */
export async function zipRenderedFiles(
  files: WorkspaceFile[],
  now: Date,
): Promise<Buffer> {
  const zip = new JSZip();
  for (const file of files) {
    zip.file(file.path, file.content, {
      binary: true,
      date: now,
      // The regular-file type with the permissions, as unzip expects them.
      unixPermissions: REGULAR_FILE | file.mode,
      createFolders: false,
    });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
}

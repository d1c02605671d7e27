import type { RenderedFiles } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { downloadBlob } from '../shared/downloadBlob';

/** Saves the kept zip archive under its file name. */
export function downloadRenderedFiles(files: RenderedFiles): void {
  const binary = atob(files.contentBase64);
  const bytes = Uint8Array.from(binary, character => character.charCodeAt(0));
  downloadBlob(files.fileName, new Blob([bytes], { type: 'application/zip' }));
}

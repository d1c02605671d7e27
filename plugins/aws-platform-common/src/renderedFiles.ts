/**
 * The rendered files a template run keeps for download when it does not
 * publish them: a zip archive in the task's own output, so the scaffolder's
 * storage and its task read permission cover it (no store of the suite's).
 */

/**
 * The key of a template's `output` that carries the archive, as the
 * `aws-platform:rendered-files:keep` action's `renderedFiles` output.
 * @public
 */
export const RENDERED_FILES_OUTPUT_KEY = 'renderedFiles';

/**
 * Where the frontend shows a task's rendered files and offers the archive:
 * the AWS Platform page's path, then `rendered-files/<task id>`.
 * @public
 */
export function renderedFilesPath(taskId: string): string {
  return `/aws-platform/rendered-files/${encodeURIComponent(taskId)}`;
}

/**
 * One file in the archive.
 * @public
 */
export type RenderedFile = {
  /** Path in the archive, with `/` separators, e.g. `app/catalog-info.yaml`. */
  path: string;
  /** Size before compression. */
  bytes: number;
};

/**
 * The archive of a template run's rendered files.
 * @public
 */
export type RenderedFiles = {
  /** The name the download gets, e.g. `payments-api.zip`. */
  fileName: string;
  /** The zip archive, base64-encoded. */
  contentBase64: string;
  /** Size of the zip archive. */
  archiveBytes: number;
  /** The files in the archive, sorted by path. */
  files: RenderedFile[];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isRenderedFile = (value: unknown): value is RenderedFile =>
  isRecord(value) &&
  typeof value.path === 'string' &&
  typeof value.bytes === 'number';

/**
 * The rendered files in a task's output (the scaffolder's completion event's
 * `output`), or undefined when it holds none or something of another shape.
 * @public
 */
export function renderedFilesOf(output: unknown): RenderedFiles | undefined {
  if (!isRecord(output)) return undefined;
  const kept = output[RENDERED_FILES_OUTPUT_KEY];
  if (
    !isRecord(kept) ||
    typeof kept.fileName !== 'string' ||
    typeof kept.contentBase64 !== 'string' ||
    typeof kept.archiveBytes !== 'number' ||
    !Array.isArray(kept.files) ||
    !kept.files.every(isRenderedFile)
  ) {
    return undefined;
  }
  return {
    fileName: kept.fileName,
    contentBase64: kept.contentBase64,
    archiveBytes: kept.archiveBytes,
    files: kept.files.map(({ path, bytes }) => ({ path, bytes })),
  };
}

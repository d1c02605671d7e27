import { InputError } from '@backstage/errors';
import {
  createTemplateAction,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  RENDERED_FILES_OUTPUT_KEY,
  renderedFilesPath,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type {
  KeepRenderedFilesInput,
  KeepRenderedFilesOutput,
} from './actionTypes';
import { collectRenderedFiles } from '../files/collectRenderedFiles';
import { zipRenderedFiles } from '../files/zipRenderedFiles';
import { examples } from './keepRenderedFiles.examples';

/** The action's id. */
export const KEEP_RENDERED_FILES_ACTION = 'aws-platform:rendered-files:keep';

/**
 * What a task keeps: its output lives in the scaffolder's database (one
 * task event), which these bounds keep small.
 */
export const RENDERED_FILES_LIMITS = {
  maxFiles: 1_000,
  maxBytes: 5 * 1024 * 1024,
  maxArchiveBytes: 512 * 1024,
};

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * `aws-platform:rendered-files:keep`: zips folders of the task's workspace
 * into the task's output, so that a template that does not publish its
 * rendered files still lets its user download them (from the AWS Platform
 * frontend's rendered files page, with the scaffolder's task read
 * permission). Reads only the workspace; safe to retry and to dry-run.
 * @public
 */
export function keepRenderedFilesAction(): TemplateAction<
  KeepRenderedFilesInput,
  KeepRenderedFilesOutput,
  'v2'
> {
  return createTemplateAction({
    id: KEEP_RENDERED_FILES_ACTION,
    description: `Zips folders of the task's workspace (at most ${RENDERED_FILES_LIMITS.maxFiles} files, ${RENDERED_FILES_LIMITS.maxBytes} bytes, a ${RENDERED_FILES_LIMITS.maxArchiveBytes}-byte archive) into its output, for download from the AWS Platform page when the template does not publish them. Put renderedFiles in the template's output, and link to downloadPath.`,
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        paths: z =>
          z
            .array(z.string().min(1).max(500))
            .max(20)
            .optional()
            .describe(
              'Folders or files of the workspace to keep, e.g. [app, infrastructure]. Default: the whole workspace.',
            ),
        name: z =>
          z
            .string()
            .describe(
              'Name of the download, without .zip: letters, digits, dots, dashes and underscores, e.g. payments-api',
            ),
      },
      output: {
        renderedFiles: z =>
          z
            .object({
              fileName: z.string(),
              contentBase64: z.string(),
              archiveBytes: z.number(),
              files: z.array(z.object({ path: z.string(), bytes: z.number() })),
            })
            .describe(
              `The zip archive and its file list: put it in the template's output as ${RENDERED_FILES_OUTPUT_KEY}`,
            ),
        downloadPath: z =>
          z
            .string()
            .describe(
              'The frontend page that lists the files and downloads the archive, e.g. /aws-platform/rendered-files/<task id>',
            ),
      },
    },
    async handler(ctx) {
      const { name, paths = ['.'] } = ctx.input;
      if (!FILE_NAME.test(name)) {
        throw new InputError(
          `The download's name "${name}" must be 1 to 100 letters, digits, dots, dashes or underscores, starting with a letter or digit`,
        );
      }
      const files = await collectRenderedFiles(
        ctx.workspacePath,
        paths,
        RENDERED_FILES_LIMITS,
      );
      if (files.length === 0) {
        throw new InputError(`There are no files under ${paths.join(', ')}`);
      }
      const archive = await zipRenderedFiles(files, new Date());
      if (archive.length > RENDERED_FILES_LIMITS.maxArchiveBytes) {
        throw new InputError(
          `The rendered files' archive is ${archive.length} bytes, more than the ${RENDERED_FILES_LIMITS.maxArchiveBytes} a task keeps for download; publish them to a repository instead`,
        );
      }
      ctx.output('renderedFiles', {
        fileName: `${name}.zip`,
        contentBase64: archive.toString('base64'),
        archiveBytes: archive.length,
        files: files.map(file => ({
          path: file.path,
          bytes: file.content.length,
        })),
      });
      ctx.output('downloadPath', renderedFilesPath(ctx.task.id));
      ctx.logger.info(
        `Kept ${files.length} rendered files (${archive.length}-byte archive) for download`,
      );
    },
  });
}

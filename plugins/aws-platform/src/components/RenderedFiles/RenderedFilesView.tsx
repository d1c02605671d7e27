import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Button,
  CellText,
  ColumnConfig,
  Flex,
  Table,
  Text,
  useTable,
} from '@backstage/ui';
import GetAppIcon from '@material-ui/icons/GetApp';
import type {
  RenderedFile,
  RenderedFiles,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useMemo } from 'react';
import { formatBytes } from '../../lib/formatBytes';
import { awsPlatformTranslationRef } from '../../translation';
import { downloadRenderedFiles } from './downloadRenderedFiles';

/** Files per page; fewer show no pagination. */
const PAGE_SIZE = 50;

/**
 * A task's kept files: how many, the download button (the archive is
 * already in the page, so it saves at once) and the file list.
 */
export function RenderedFilesView(props: { files: RenderedFiles }) {
  const { files } = props;
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const columns = useMemo<ColumnConfig<RenderedFile & { id: string }>[]>(
    () => [
      {
        id: 'path',
        label: t('renderedFiles.columns.path'),
        isRowHeader: true,
        cell: file => <CellText title={file.path} />,
      },
      {
        id: 'size',
        label: t('renderedFiles.columns.size'),
        cell: file => <CellText title={formatBytes(file.bytes)} />,
      },
    ],
    [t],
  );
  const { tableProps } = useTable({
    mode: 'complete',
    data: files.files.map(file => ({ ...file, id: file.path })),
    paginationOptions: {
      type: files.files.length > PAGE_SIZE ? 'page' : 'none',
      pageSize: PAGE_SIZE,
    },
  });
  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center" gap="4">
        <Text as="p" role="status" weight="bold">
          {t('renderedFiles.summary', {
            count: files.files.length,
            size: formatBytes(files.archiveBytes),
          })}
        </Text>
        <Button
          variant="primary"
          iconStart={<GetAppIcon fontSize="small" />}
          onPress={() => downloadRenderedFiles(files)}
        >
          {t('renderedFiles.download', { fileName: files.fileName })}
        </Button>
      </Flex>
      <Table {...tableProps} columnConfig={columns} />
    </Flex>
  );
}

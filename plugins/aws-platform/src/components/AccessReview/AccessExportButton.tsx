import { Button } from '@backstage/ui';
import GetAppIcon from '@material-ui/icons/GetApp';
import { AccessRow } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { downloadCsv, toCsv } from '../OwnershipPage/csv';
import { ACCESS_TEXT } from './accessText';
import { accessCsvCells } from './model/accessRows';

const CSV_HEADER = [
  ACCESS_TEXT.columns.account,
  ACCESS_TEXT.columns.accountId,
  ACCESS_TEXT.columns.role,
  ACCESS_TEXT.columns.principal,
  ACCESS_TEXT.columns.principalType,
  ACCESS_TEXT.columns.permissionSet,
  ACCESS_TEXT.columns.members,
  ACCESS_TEXT.columns.flags,
];

/**
 * "Export CSV" (a `@backstage/ui` Button): downloads exactly the rows given,
 * the ones the filters show; disabled when there are none.
 */
export function AccessExportButton(props: { rows: AccessRow[] }) {
  const { rows } = props;
  return (
    <Button
      variant="secondary"
      iconStart={<GetAppIcon fontSize="small" />}
      isDisabled={!rows.length}
      onPress={() =>
        downloadCsv(
          'aws-access-review.csv',
          toCsv(CSV_HEADER, accessCsvCells(rows)),
        )
      }
    >
      {ACCESS_TEXT.export}
    </Button>
  );
}

import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { AccountChanges } from './planRun';

/** The planned changes: a line of totals, then each account's changes in order. */
export function ChangesByAccount(props: {
  groups: AccountChanges[];
  summary: string;
}) {
  return (
    <Box>
      <Typography variant="body1">{props.summary}</Typography>
      {props.groups.map(group => (
        <Box key={group.accountId} mt={2} component="section">
          <Typography variant="subtitle1" component="h3">
            {group.accountName} ({group.accountId})
          </Typography>
          <ul>
            {group.changes.map(change => (
              <li key={change}>
                <Typography variant="body2">{change}</Typography>
              </li>
            ))}
          </ul>
        </Box>
      ))}
    </Box>
  );
}

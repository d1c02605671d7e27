import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { ACCESS_TEXT } from './accessText';
import { ACCESS_FLAGS } from './model/accessFlags';
import { AccessFilters, accessOptionsOf, AccessRow } from './model/accessRows';

type SelectField = 'account' | 'principal' | 'permissionSet' | 'flag';

/** The review's search box, its selects and "only flagged". */
export function AccessFilterBar(props: {
  rows: AccessRow[];
  filters: AccessFilters;
  onChange(filters: AccessFilters): void;
}) {
  const { rows, filters, onChange } = props;
  const text = ACCESS_TEXT.filters;
  const accountTitles = new Map(
    rows.map(row => [row.accountRef, row.accountTitle]),
  );
  const options: Record<SelectField, Array<[string, string]>> = {
    account: accessOptionsOf(rows, 'accountRef').map(ref => [
      ref,
      accountTitles.get(ref) ?? ref,
    ]),
    principal: accessOptionsOf(rows, 'principal').map(p => [p, p]),
    permissionSet: accessOptionsOf(rows, 'permissionSet').map(p => [p, p]),
    flag: ACCESS_FLAGS.map(flag => [flag, ACCESS_TEXT.flags[flag]]),
  };

  const select = (field: SelectField, label: string) => (
    <Grid item xs={12} sm={6} md={2}>
      <TextField
        select
        fullWidth
        variant="outlined"
        size="small"
        label={label}
        value={filters[field]}
        onChange={event =>
          onChange({ ...filters, [field]: event.target.value })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        id={`aws-platform-access-${field}`}
      >
        <option value="">{text.all}</option>
        {options[field].map(([value, optionLabel]) => (
          <option key={value} value={value}>
            {optionLabel}
          </option>
        ))}
      </TextField>
    </Grid>
  );

  return (
    <Grid
      container
      spacing={2}
      alignItems="center"
      role="group"
      aria-label={text.label}
      style={{ marginBottom: 8 }}
    >
      <Grid item xs={12} md={2}>
        <TextField
          fullWidth
          variant="outlined"
          size="small"
          type="search"
          label={text.search}
          value={filters.search}
          onChange={event =>
            onChange({ ...filters, search: event.target.value })
          }
          InputLabelProps={{ shrink: true }}
          id="aws-platform-access-search"
        />
      </Grid>
      {select('account', text.account)}
      {select('principal', text.principal)}
      {select('permissionSet', text.permissionSet)}
      {select('flag', text.flag)}
      <Grid item>
        <FormControlLabel
          control={
            <Checkbox
              checked={filters.onlyFlagged}
              onChange={event =>
                onChange({ ...filters, onlyFlagged: event.target.checked })
              }
            />
          }
          label={text.onlyFlagged}
        />
      </Grid>
    </Grid>
  );
}

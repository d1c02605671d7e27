import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { OwnershipRow } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { awsPlatformTranslationRef } from '../../translation';
import { optionsOf, OwnershipFilters } from './ownershipRows';
import { OwnershipText } from './useOwnershipText';

type SelectField = 'type' | 'role' | 'ouPath' | 'owner';

/**
 * The review's search box, its selects (type, role, OU, owner) and "only
 * flagged". Every one narrows the rows the page counts and exports.
 */
export function OwnershipFilterBar(props: {
  rows: OwnershipRow[];
  filters: OwnershipFilters;
  onChange(filters: OwnershipFilters): void;
  text: OwnershipText;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { rows, filters, onChange } = props;
  const roleTitles = new Map(rows.map(row => [row.role, row.roleTitle]));

  const select = (
    field: SelectField,
    label: string,
    optionLabel: (value: string) => string,
  ) => (
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
        id={`aws-platform-ownership-${field}`}
      >
        <option value="">{t('ownership.filters.all')}</option>
        {optionsOf(rows, field).map(value => (
          <option key={value} value={value}>
            {optionLabel(value)}
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
      aria-label={t('ownership.filters.label')}
      style={{ marginBottom: 8 }}
    >
      <Grid item xs={12} md={3}>
        <TextField
          fullWidth
          variant="outlined"
          size="small"
          type="search"
          label={t('ownership.filters.search')}
          placeholder={t('ownership.filters.searchPlaceholder')}
          value={filters.search}
          onChange={event =>
            onChange({ ...filters, search: event.target.value })
          }
          InputLabelProps={{ shrink: true }}
          id="aws-platform-ownership-search"
        />
      </Grid>
      {select('type', t('ownership.filters.type'), props.text.typeLabel)}
      {select(
        'role',
        t('ownership.filters.role'),
        role => roleTitles.get(role) ?? role,
      )}
      {select('ouPath', t('ownership.filters.ou'), ou => ou)}
      {select('owner', t('ownership.filters.owner'), owner => owner)}
      <Grid item>
        <FormControlLabel
          control={
            <Checkbox
              checked={filters.flaggedOnly}
              onChange={event =>
                onChange({ ...filters, flaggedOnly: event.target.checked })
              }
            />
          }
          label={t('ownership.filters.flaggedOnly')}
        />
      </Grid>
    </Grid>
  );
}

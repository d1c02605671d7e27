import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AccountRole,
  ACCOUNT_ROLES,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputAdornment from '@material-ui/core/InputAdornment';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import UnfoldLessIcon from '@material-ui/icons/UnfoldLess';
import UnfoldMoreIcon from '@material-ui/icons/UnfoldMore';
import { ReactNode, useId } from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { MapFilter } from './model/mapFilter';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
    marginBottom: theme.spacing(1.5),
  },
  search: { minWidth: 260, flex: '1 1 260px', maxWidth: 420 },
  select: { minWidth: 160 },
  actions: { display: 'flex', gap: theme.spacing(1), marginLeft: 'auto' },
}));

/** Props of {@link MapToolbar}. */
export interface MapToolbarProps {
  filter: MapFilter;
  onFilterChange(filter: MapFilter): void;
  roles: AccountRole[];
  /** OU paths and their labels, in map order. */
  groups: Array<{ id: string; label: string }>;
  owners: Array<{ ref: string; name: string }>;
  filtering: boolean;
  onExpandAll(): void;
  onCollapseAll(): void;
  /** Counts line, announced when it changes. */
  status: ReactNode;
}

/** Search, filters by role, OU and owner, and expand or collapse all OUs. */
export function MapToolbar(props: MapToolbarProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const id = useId();
  const { filter } = props;
  const set = (change: Partial<MapFilter>) =>
    props.onFilterChange({ ...filter, ...change });

  const select = (
    field: 'role' | 'groupId' | 'owner',
    label: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <TextField
      select
      variant="outlined"
      size="small"
      className={classes.select}
      id={`${id}-${field}`}
      label={label}
      value={filter[field]}
      onChange={event => set({ [field]: event.target.value })}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">{t('accountMap.filters.all')}</option>
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );

  return (
    <>
      <div
        className={classes.toolbar}
        role="search"
        aria-label={t('accountMap.filters.label')}
      >
        <TextField
          type="search"
          variant="outlined"
          size="small"
          className={classes.search}
          id={`${id}-search`}
          label={t('accountMap.filters.search')}
          placeholder={t('accountMap.filters.searchPlaceholder')}
          value={filter.query}
          onChange={event => set({ query: event.target.value })}
          InputLabelProps={{ shrink: true }}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
        />
        {select(
          'role',
          t('accountMap.filters.role'),
          props.roles.map(role => ({
            value: role,
            label: ACCOUNT_ROLES[role].title,
          })),
        )}
        {select(
          'groupId',
          t('accountMap.filters.ou'),
          props.groups.map(group => ({ value: group.id, label: group.label })),
        )}
        {select(
          'owner',
          t('accountMap.filters.owner'),
          props.owners.map(owner => ({ value: owner.ref, label: owner.name })),
        )}
        <FormControlLabel
          control={
            <Checkbox
              color="primary"
              checked={filter.attentionOnly}
              onChange={event => set({ attentionOnly: event.target.checked })}
            />
          }
          label={t('accountMap.filters.attentionOnly')}
        />
        {props.filtering && (
          <Button
            size="small"
            onClick={() =>
              props.onFilterChange({
                query: '',
                role: '',
                groupId: '',
                owner: '',
                attentionOnly: false,
              })
            }
          >
            {t('accountMap.filters.clear')}
          </Button>
        )}
      </div>
      <div className={classes.toolbar}>
        <span role="status">{props.status}</span>
        <span className={classes.actions}>
          <Button
            size="small"
            variant="outlined"
            startIcon={<UnfoldMoreIcon />}
            onClick={props.onExpandAll}
          >
            {t('accountMap.expandAll')}
          </Button>
          <Button
            size="small"
            variant="outlined"
            startIcon={<UnfoldLessIcon />}
            onClick={props.onCollapseAll}
          >
            {t('accountMap.collapseAll')}
          </Button>
        </span>
      </div>
    </>
  );
}

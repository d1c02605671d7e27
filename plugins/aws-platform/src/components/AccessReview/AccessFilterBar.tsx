import { Checkbox, Flex, SearchField } from '@backstage/ui';
import { AccessRow } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useMemo } from 'react';
import { AccessFilterSelect } from './AccessFilterSelect';
import {
  ACCESS_SELECT_FIELDS,
  accessFilterOptions,
} from './accessFilterOptions';
import { ACCESS_TEXT } from './accessText';
import { AccessFilters } from './model/accessRows';

/**
 * The review's filters, in `@backstage/ui`: the search box, a select per
 * account, principal, permission set and flag, and "only flagged".
 */
export function AccessFilterBar(props: {
  rows: AccessRow[];
  filters: AccessFilters;
  onChange(filters: AccessFilters): void;
}) {
  const { rows, filters, onChange } = props;
  const text = ACCESS_TEXT.filters;
  const options = useMemo(() => accessFilterOptions(rows), [rows]);

  return (
    <Flex
      role="group"
      aria-label={text.label}
      gap="3"
      align="end"
      mb="3"
      style={{ flexWrap: 'wrap' }}
    >
      <SearchField
        label={text.search}
        size="small"
        value={filters.search}
        onChange={search => onChange({ ...filters, search })}
      />
      {ACCESS_SELECT_FIELDS.map(field => (
        <AccessFilterSelect
          key={field}
          label={text[field]}
          options={options[field]}
          value={filters[field]}
          onChange={value => onChange({ ...filters, [field]: value })}
        />
      ))}
      <Checkbox
        isSelected={filters.onlyFlagged}
        onChange={onlyFlagged => onChange({ ...filters, onlyFlagged })}
      >
        {text.onlyFlagged}
      </Checkbox>
    </Flex>
  );
}

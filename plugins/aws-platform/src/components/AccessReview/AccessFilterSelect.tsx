import { Select } from '@backstage/ui';
import { ACCESS_TEXT } from './accessText';
import { AccessFilterOption } from './accessFilterOptions';

/**
 * The key of the "All" choice. A filter value is an entity ref, a permission
 * set name or a flag, none of which can be `*`.
 */
const ALL = '*';

/**
 * One select filter of the access review (a `@backstage/ui` Select): "All",
 * then the choices; `value` and `onChange` speak the filters' language, where
 * an empty string means all.
 */
export function AccessFilterSelect(props: {
  label: string;
  options: AccessFilterOption[];
  value: string;
  onChange(value: string): void;
}) {
  const { label, options, value, onChange } = props;
  return (
    <Select
      label={label}
      size="small"
      style={{ minWidth: 180 }}
      options={[{ id: ALL, label: ACCESS_TEXT.filters.all }, ...options]}
      value={value || ALL}
      onChange={key => onChange(key === null || key === ALL ? '' : String(key))}
    />
  );
}

import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useEffect, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { awsPlatformTranslationRef } from '../../translation';
import {
  type AwsResourcePickerOptions,
  pickerFilter,
  pickerOptions,
  type PickerOption,
} from './pickerOptions';

// Only what the entries read; a 1,000-account organization stays small.
const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.zone.id',
];

/**
 * The templates' pickers of the suite's accounts, clusters and zones:
 * entries read "Name (id)", accounts can be limited to roles, and a
 * cluster or zone picker with `accountField` offers only the resources of
 * the account chosen there (and drops its choice when that account changes).
 */
export function AwsResourcePicker(
  props: FieldExtensionComponentProps<string, AwsResourcePickerOptions>,
) {
  const { onChange, formData, formContext, uiSchema, schema, required } = props;
  const { rawErrors, idSchema } = props;
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const catalogApi = useApi(catalogApiRef);
  const options = uiSchema?.['ui:options'] ?? { type: '' };
  const filter = pickerFilter(options, formContext?.formData);
  const filterKey = JSON.stringify(filter);

  const entries = useAsync(async (): Promise<PickerOption[]> => {
    if (!filter) return [];
    const { items } = await catalogApi.getEntities({ filter, fields: FIELDS });
    return pickerOptions(items);
    // The filter is rebuilt each render; its JSON says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, filterKey]);

  const chosen = useMemo(
    () => entries.value?.find(entry => entry.ref === formData) ?? null,
    [entries.value, formData],
  );
  // A choice the new list no longer holds (another account was chosen).
  useEffect(() => {
    if (formData && entries.value && !chosen) onChange(undefined as any);
  }, [formData, entries.value, chosen, onChange]);

  const waiting = !filter;
  const helperText = (): string | undefined => {
    if (entries.error) {
      return t('resourcePicker.loadFailed', { message: entries.error.message });
    }
    if (waiting) return t('resourcePicker.chooseAccountFirst');
    if (entries.value?.length === 0) return t('resourcePicker.noneToChoose');
    return schema.description;
  };
  return (
    <Autocomplete
      id={idSchema?.$id}
      options={entries.value ?? []}
      value={chosen}
      loading={entries.loading}
      disabled={waiting}
      getOptionLabel={entry => entry.label}
      getOptionSelected={(entry, value) => entry.ref === value.ref}
      onChange={(_event, entry) => onChange((entry?.ref ?? undefined) as any)}
      renderInput={params => (
        <TextField
          {...params}
          label={schema.title}
          margin="dense"
          required={required}
          error={Boolean(rawErrors?.length) || Boolean(entries.error)}
          helperText={helperText()}
          FormHelperTextProps={{ margin: 'dense', style: { marginLeft: 0 } }}
        />
      )}
    />
  );
}

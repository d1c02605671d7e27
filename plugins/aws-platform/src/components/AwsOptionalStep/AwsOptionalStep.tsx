import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  scaffolderApiRef,
  type FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { awsPlatformTranslationRef } from '../../translation';
import { missingActions } from './missingActions';

/** `ui:options` of the `AwsOptionalStep` field. @public */
export type AwsOptionalStepOptions = {
  /** The scaffolder actions the step runs, e.g. `publish:github`. */
  actions: string[];
};

/**
 * A checkbox for a template's optional step, offered only where the
 * scaffolder backend has the actions the step runs: elsewhere it stays off
 * and says which module is missing, so nobody asks for a step that can only
 * fail (publishing without the scaffolder's GitHub module, say).
 */
export function AwsOptionalStep(
  props: FieldExtensionComponentProps<boolean, AwsOptionalStepOptions>,
) {
  const { onChange, formData, schema, uiSchema, idSchema } = props;
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const scaffolderApi = useApi(scaffolderApiRef);
  const needed = uiSchema?.['ui:options']?.actions;
  const installed = useAsync(
    () => scaffolderApi.listActions(),
    [scaffolderApi],
  );
  const missing = installed.value && missingActions(needed, installed.value);
  const unavailable = Boolean(missing?.length);

  // A value from ?formData= or a default cannot ask for what is missing.
  useEffect(() => {
    if (unavailable && formData) onChange(false);
  }, [unavailable, formData, onChange]);

  const helper = (): string | undefined => {
    if (installed.error) {
      return t('optionalStep.unknown', { message: installed.error.message });
    }
    if (unavailable) {
      return t('optionalStep.unavailable', { actions: missing!.join(', ') });
    }
    return schema.description;
  };
  return (
    <>
      <FormControlLabel
        label={schema.title}
        control={
          <Checkbox
            id={idSchema?.$id}
            color="primary"
            checked={Boolean(formData) && !unavailable}
            disabled={!installed.value || unavailable}
            onChange={event => onChange(event.target.checked)}
          />
        }
      />
      <FormHelperText>{helper()}</FormHelperText>
    </>
  );
}

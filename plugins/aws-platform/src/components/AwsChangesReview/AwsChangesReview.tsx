import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  scaffolderApiRef,
  type FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { awsPlatformTranslationRef } from '../../translation';
import { PlanRun } from './PlanRun';
import { fieldTitles, inFormWords, templateRefOf } from './planRun';
import { usePlanRun } from './usePlanRun';

/**
 * `ui:options` of the `AwsChangesReview` field.
 * @public
 */
export type AwsChangesReviewOptions = {
  /** The template to plan; by default the one whose page the form is on. */
  templateRef?: string;
};

/**
 * The templates' AWS changes step: runs the template as a task of its own
 * with `awsPlanOnly` set (its action reads AWS with the user's permissions
 * and plans, nothing else runs), then shows the changes by account. Its
 * value sums them up, or says the plan is under way or refused, which
 * {@link validateAwsChangesReview} turns into a reason Next is refused.
 */
export function AwsChangesReview(
  props: FieldExtensionComponentProps<string, AwsChangesReviewOptions>,
) {
  const { onChange, formContext, uiSchema, name } = props;
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const scaffolderApi = useApi(scaffolderApiRef);
  const templateRef = templateRefOf(
    useParams(),
    uiSchema?.['ui:options']?.templateRef,
  );
  const { run, planAgain } = usePlanRun({
    templateRef,
    formData: formContext?.formData,
    fieldName: name,
    onChange,
  });
  // The form's titles for the field names an action's message quotes.
  const titles = useAsync(async () => {
    if (!templateRef) return new Map<string, string>();
    const schema = await scaffolderApi.getTemplateParameterSchema(templateRef);
    return fieldTitles(schema.steps);
  }, [scaffolderApi, templateRef]);
  const inWords = useCallback(
    (message: string) => inFormWords(message, titles.value ?? new Map()),
    [titles.value],
  );

  if (!templateRef) {
    return (
      <Typography color="error">{t('changesReview.noTemplate')}</Typography>
    );
  }
  if (run.error) {
    return (
      <>
        <WarningPanel
          severity="error"
          title={t('changesReview.failedTitle')}
          message={inWords(run.error.message)}
        />
        <Button variant="outlined" onClick={planAgain}>
          {t('changesReview.planAgain')}
        </Button>
      </>
    );
  }
  if (!run.taskId) {
    return <Typography>{t('changesReview.planning')}</Typography>;
  }
  return (
    <PlanRun
      key={run.taskId}
      taskId={run.taskId}
      onSettled={onChange}
      onPlanAgain={planAgain}
      inFormWords={inWords}
    />
  );
}

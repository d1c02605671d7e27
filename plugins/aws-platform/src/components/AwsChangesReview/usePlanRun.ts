import { useApi } from '@backstage/frontend-plugin-api';
import {
  scaffolderApiRef,
  useTemplateSecrets,
} from '@backstage/plugin-scaffolder-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { planRunValues, PLANNING, REFUSED } from './planRun';

/** The plan-only task of one attempt: its id once started, or why it did not start. */
export type PlanRunState = { taskId?: string; error?: Error };

/**
 * Starts the template as a plan-only task with the form's values, once per
 * attempt (also where React runs effects twice, in StrictMode), and reports
 * the field's value while it starts; `planAgain` starts another attempt.
 */
export function usePlanRun(options: {
  templateRef?: string;
  formData?: Record<string, unknown>;
  fieldName: string;
  onChange: (value: string) => void;
}): { run: PlanRunState; planAgain: () => void } {
  const { templateRef, formData, fieldName, onChange } = options;
  const scaffolderApi = useApi(scaffolderApiRef);
  const { secrets } = useTemplateSecrets();
  const [attempt, setAttempt] = useState(0);
  const [run, setRun] = useState<PlanRunState>({});
  const startedAttempt = useRef<number>();

  useEffect(() => {
    if (!templateRef || startedAttempt.current === attempt) return;
    startedAttempt.current = attempt;
    onChange(PLANNING);
    setRun({});
    scaffolderApi
      .scaffold({
        templateRef,
        values: planRunValues(formData, fieldName),
        secrets,
      })
      .then(
        ({ taskId }) => setRun({ taskId }),
        (error: Error) => {
          setRun({ error });
          onChange(REFUSED);
        },
      );
  }, [
    attempt,
    templateRef,
    scaffolderApi,
    formData,
    fieldName,
    secrets,
    onChange,
  ]);

  const planAgain = useCallback(() => setAttempt(n => n + 1), []);
  return { run, planAgain };
}

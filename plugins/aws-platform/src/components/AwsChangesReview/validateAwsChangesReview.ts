import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { reviewProblem } from './planRun';

// The validator runs outside React, so its texts cannot come from the
// translation ref; they repeat its English messages.
const PROBLEMS = {
  waitForPlan: 'Wait until the AWS changes are planned.',
  fixRefused:
    'The changes were refused: go back and change the request, or ask the platform team.',
};

/** Refuses Next while the plan is under way or was refused. */
export const validateAwsChangesReview: CustomFieldValidator<string> = (
  value,
  validation,
) => {
  const problem = reviewProblem(value);
  if (problem) validation.addError(PROBLEMS[problem]);
};

import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useTaskEventStream } from '@backstage/plugin-scaffolder-react';
import { Progress, WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useEffect, useMemo } from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { ChangesByAccount } from './ChangesByAccount';
import { changesOfOutput, countChanges, REFUSED } from './planRun';

// The actions refuse a request with these; anything else is a failure to plan.
const REFUSALS = new Set(['ConflictError', 'InputError', 'NotAllowedError']);

/**
 * Follows the plan-only task until it completes, then shows its changes
 * by account, or why it stopped, and reports the field's value.
 */
export function PlanRun(props: {
  taskId: string;
  onSettled: (value: string) => void;
  onPlanAgain: () => void;
  /** An action's message with the form's field titles for its input names. */
  inFormWords: (message: string) => string;
}) {
  const { taskId, onSettled, onPlanAgain, inFormWords } = props;
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const stream = useTaskEventStream(taskId);
  const groups = useMemo(
    () =>
      stream.completed && !stream.error
        ? changesOfOutput(stream.output)
        : undefined,
    [stream.completed, stream.error, stream.output],
  );
  let summary: string | undefined;
  if (groups) {
    const { count, accounts } = countChanges(groups);
    summary =
      count === 0
        ? t('changesReview.nothing')
        : t('changesReview.summary', {
            count,
            accounts: t('changesReview.accounts', { count: accounts }),
          });
  }

  useEffect(() => {
    if (stream.completed) onSettled(summary ?? REFUSED);
  }, [stream.completed, summary, onSettled]);

  if (!stream.completed) {
    return (
      <>
        <Typography>{t('changesReview.planning')}</Typography>
        <Progress />
      </>
    );
  }
  if (!groups) {
    const refused = REFUSALS.has(stream.error?.name ?? '');
    return (
      <>
        <WarningPanel
          severity="error"
          title={t(
            refused
              ? 'changesReview.refusedTitle'
              : 'changesReview.failedTitle',
          )}
          message={stream.error && inFormWords(stream.error.message)}
        />
        <Button variant="outlined" onClick={onPlanAgain}>
          {t('changesReview.planAgain')}
        </Button>
      </>
    );
  }
  if (groups.length === 0) {
    return <Typography>{t('changesReview.nothing')}</Typography>;
  }
  return <ChangesByAccount groups={groups} summary={summary!} />;
}

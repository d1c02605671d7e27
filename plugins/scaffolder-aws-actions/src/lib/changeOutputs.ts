/**
 * What the three actions share in their schemas and outputs: the planOnly
 * input the templates' Review step runs them with, and the changes grouped
 * by account that the step and the task's output show.
 */
import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';
import type { AccountChanges } from '../actions/actionTypes';
import {
  AccountChange,
  describeChangesByAccount,
  groupChangesByAccount,
  inPastTense,
} from './changeSummary';

type Zod = typeof zod;

/** The `planOnly` input of every action. */
export const planOnlyInput = {
  planOnly: (z: Zod) =>
    z
      .boolean()
      .optional()
      .describe(
        "When true, the action reads AWS, plans and outputs the changes without making any (the templates' Review step runs it so). Unlike a dry-run, it runs in a real task, so its reads are the user's and are logged. Default false.",
      ),
};

/** The outputs every action writes through {@link writeChangeOutputs}. */
export const changeOutputSchemas = {
  changesByAccount: (z: Zod) =>
    z
      .array(
        z.object({
          accountId: z.string(),
          accountName: z.string(),
          changes: z.array(z.string()),
        }),
      )
      .describe(
        'The changes by account, in the order they are applied: planned (planOnly, dry-run) or made (an applied run)',
      ),
  changeSummary: (z: Zod) =>
    z
      .string()
      .describe(
        'The same as Markdown, one heading per account; in the past tense after an applied run; empty when nothing changes',
      ),
};

/**
 * Writes `changesByAccount` and `changeSummary`: `planned` for a plan-only
 * run or a dry-run, `done` after the changes were applied.
 */
export function writeChangeOutputs(
  output: (name: 'changesByAccount' | 'changeSummary', value: any) => void,
  changes: AccountChange[],
  accountName: (accountId: string) => string,
  tense: 'planned' | 'done',
): AccountChanges[] {
  const groups = groupChangesByAccount(changes, accountName);
  output(
    'changesByAccount',
    tense === 'done'
      ? groups.map(g => ({ ...g, changes: g.changes.map(inPastTense) }))
      : groups,
  );
  output('changeSummary', describeChangesByAccount(groups, tense));
  return groups;
}

/** The `planOnly` input, checked with the rest of the input (before any AWS call). */
export function readPlanOnly(raw: unknown): boolean {
  if (raw !== undefined && typeof raw !== 'boolean') {
    throw new InputError('planOnly must be true or false');
  }
  return raw === true;
}

/**
 * The actions' changes as people read them: grouped by the account they
 * change, named by account, in the imperative while planned ("Create …")
 * and in the past tense once applied ("Created …"). The template's Review
 * step shows the first, the task's output the second.
 */

import type { AccountChanges } from '../actions/actionTypes';

/** One change of a plan and the account it changes. */
export type AccountChange = { accountId: string; description: string };

/**
 * Groups changes by account, accounts in the order their first change
 * comes in the plan (the order the action applies them).
 */
export function groupChangesByAccount(
  changes: AccountChange[],
  accountName: (accountId: string) => string,
): AccountChanges[] {
  const groups = new Map<string, AccountChanges>();
  for (const { accountId, description } of changes) {
    let group = groups.get(accountId);
    if (!group) {
      group = { accountId, accountName: accountName(accountId), changes: [] };
      groups.set(accountId, group);
    }
    group.changes.push(description);
  }
  return [...groups.values()];
}

/**
 * The first verb of every change description the actions write, in the
 * past tense. changeSummary.test.ts checks each plan's descriptions against
 * this table, so a new verb cannot slip through in the imperative.
 */
export const PAST_TENSE: Readonly<Record<string, string>> = {
  Assign: 'Assigned',
  Create: 'Created',
  Let: 'Let',
  Replace: 'Replaced',
  Tag: 'Tagged',
  Write: 'Wrote',
};

/** "Create public hosted zone …" → "Created public hosted zone …". */
export function inPastTense(description: string): string {
  const [verb] = description.split(' ', 1);
  const past = PAST_TENSE[verb];
  return past ? past + description.slice(verb.length) : description;
}

/**
 * Markdown for the task output: one heading per account ("Sandbox
 * (210987654321)"), its changes as a list; `done` puts them in the past
 * tense. Empty when there is nothing to change.
 */
export function describeChangesByAccount(
  groups: AccountChanges[],
  tense: 'planned' | 'done',
): string {
  return groups
    .map(group => {
      const lines = group.changes.map(
        change => `- ${tense === 'done' ? inPastTense(change) : change}`,
      );
      return [
        `**${group.accountName} (${group.accountId})**`,
        '',
        ...lines,
      ].join('\n');
    })
    .join('\n\n');
}

/**
 * Names accounts for the summary: the allowlist's names first, then the
 * guide's role names of the accounts the action knows by role (Network,
 * Operations, Backup), else the id.
 */
export function accountNamer(
  allowed: { accountId: string; name: string }[],
  byRole: Record<string, string | undefined> = {},
): (accountId: string) => string {
  const names = new Map<string, string>();
  for (const [role, accountId] of Object.entries(byRole)) {
    if (accountId) names.set(accountId, role);
  }
  for (const account of allowed) names.set(account.accountId, account.name);
  return accountId => names.get(accountId) ?? accountId;
}

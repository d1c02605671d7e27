import {
  BackupClient,
  CreateBackupSelectionCommand,
  GetBackupSelectionCommand,
  paginateListBackupSelections,
} from '@aws-sdk/client-backup';
import type { BackupSelection, Condition } from '@aws-sdk/client-backup';
import { collectPages } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { AwsResponseLike } from '../lib/changeLog';
import { show } from './backupPlans';

/** The tag-based selection the action makes: every resource tagged key=value. */
export interface SelectionSettings {
  name: string;
  iamRoleArn: string;
  tagKey: string;
  tagValue: string;
}

/** A selection as the action reads it back. */
export interface SelectionDetails {
  id: string;
  /** The token it was created with, the suite's proof of ownership. */
  creatorRequestId?: string;
  body: BackupSelection;
}

/**
 * Every selection of the plan named exactly `name`, with its conditions
 * (GetBackupSelection; the list holds names and ids only). AWS does not
 * keep selection names unique, so there may be more than one.
 */
export async function readSelectionsNamed(
  client: BackupClient,
  planId: string,
  name: string,
): Promise<SelectionDetails[]> {
  const listed = await collectPages(
    paginateListBackupSelections(
      { client },
      { BackupPlanId: planId, MaxResults: 1000 },
    ),
    page => page.BackupSelectionsList,
  );
  const named = listed.filter(selection => selection.SelectionName === name);
  return Promise.all(
    named.map(async selection => {
      const found = await client.send(
        new GetBackupSelectionCommand({
          BackupPlanId: planId,
          SelectionId: selection.SelectionId,
        }),
      );
      return {
        id: selection.SelectionId!,
        creatorRequestId: found.CreatorRequestId,
        body: found.BackupSelection ?? {
          SelectionName: name,
          IamRoleArn: undefined,
        },
      };
    }),
  );
}

/** Assigns every resource tagged `tagKey=tagValue` to the plan. */
export async function createTagSelection(
  client: BackupClient,
  planId: string,
  settings: SelectionSettings,
  creatorRequestId: string,
): Promise<{ id: string } & AwsResponseLike> {
  const created = await client.send(
    new CreateBackupSelectionCommand({
      BackupPlanId: planId,
      BackupSelection: {
        SelectionName: settings.name,
        IamRoleArn: settings.iamRoleArn,
        ListOfTags: [
          {
            ConditionType: 'STRINGEQUALS',
            ConditionKey: settings.tagKey,
            ConditionValue: settings.tagValue,
          },
        ],
      },
      CreatorRequestId: creatorRequestId,
    }),
  );
  if (!created.SelectionId) {
    throw new Error(
      `CreateBackupSelection ${settings.name} returned no selection id`,
    );
  }
  return { id: created.SelectionId, $metadata: created.$metadata };
}

/**
 * How an existing selection differs from the one the action would create,
 * in words for the user; empty when they select the same resources with the
 * same role. Pure.
 */
export function selectionDifferences(
  existing: BackupSelection,
  wanted: SelectionSettings,
): string[] {
  const differences: string[] = [];
  const compare = (what: string, actual: string, expected: string) => {
    if (actual !== expected) {
      differences.push(`${what} ${actual}, not ${expected}`);
    }
  };
  const conditions = existing.Conditions ?? {};
  const further = [
    ...(conditions.StringEquals ?? []).map(
      c => `${c.ConditionKey}=${c.ConditionValue}`,
    ),
    ...(conditions.StringNotEquals ?? []).map(
      c => `${c.ConditionKey}!=${c.ConditionValue}`,
    ),
    ...(conditions.StringLike ?? []).map(
      c => `${c.ConditionKey} like ${c.ConditionValue}`,
    ),
    ...(conditions.StringNotLike ?? []).map(
      c => `${c.ConditionKey} not like ${c.ConditionValue}`,
    ),
  ];
  compare('the role is', show(existing.IamRoleArn), wanted.iamRoleArn);
  compare(
    'the tag condition is',
    showConditions(existing.ListOfTags),
    `${wanted.tagKey}=${wanted.tagValue}`,
  );
  compare('the resources are', showList(existing.Resources), 'none');
  compare(
    'the excluded resources are',
    showList(existing.NotResources),
    'none',
  );
  compare(
    'the further conditions are',
    further.length ? further.join(', ') : 'none',
    'none',
  );
  return differences;
}

function showConditions(conditions: Condition[] | undefined): string {
  if (!conditions?.length) return 'none';
  return conditions
    .map(c =>
      c.ConditionType === 'STRINGEQUALS'
        ? `${c.ConditionKey}=${c.ConditionValue}`
        : `${c.ConditionKey} ${c.ConditionType} ${c.ConditionValue}`,
    )
    .join(', ');
}

function showList(values: string[] | undefined): string {
  return values?.length ? `[${values.join(', ')}]` : 'none';
}

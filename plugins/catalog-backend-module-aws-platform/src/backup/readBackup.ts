import {
  BackupClient,
  BackupPlansListMember,
  BackupVaultListMember,
  ConditionParameter,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  Lifecycle,
  paginateListBackupPlans,
  paginateListBackupSelections,
  paginateListBackupVaults,
  paginateListTags,
} from '@aws-sdk/client-backup';
import {
  collectPages,
  describeAwsError,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  isAccessDenied,
  isOperationUnavailable,
  isResourceGone,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { mapAllOrThrow } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  BackupRuleRecord,
  BackupSelectionRecord,
  LifecycleRecord,
  PlanRecord,
  VaultRecord,
} from './types';

/** AWS Backup's largest page for List* calls. */
const PAGE_SIZE = 1000;

/** Calls in flight per account and region, on top of the two list calls. */
const DEFAULT_CONCURRENCY = 4;

/** Where condition keys of console-made selections start. */
const RESOURCE_TAG_PREFIX = 'aws:ResourceTag/';

/**
 * Reads every vault and plan of one account and region, with the plans'
 * rules, selections and tags. Throws if any call fails, except
 * ListBackupSelections denied or not served (the plan's selections are then
 * unknown, and `selectionsUnread` says why): the account and region are one
 * ingestion scope, and a partial read must never replace a complete one in
 * the catalog.
 */
export async function readBackup(
  client: BackupClient,
  target: { accountId: string; region: string },
  options: {
    concurrency?: number;
    /** Only these plans (ids, an event's), and no vault; a gone plan is left out. */
    plans?: readonly string[];
  } = {},
): Promise<{ vaults: VaultRecord[]; plans: PlanRecord[] }> {
  if (options.plans) {
    return {
      vaults: [],
      plans: await readNamedPlans(client, options.plans, target, options),
    };
  }
  const [listedVaults, listedPlans] = await Promise.all([
    collectPages(
      paginateListBackupVaults({ client, pageSize: PAGE_SIZE }, {}),
      page => page.BackupVaultList,
    ),
    collectPages(
      paginateListBackupPlans({ client, pageSize: PAGE_SIZE }, {}),
      page => page.BackupPlansList,
    ),
  ]);

  // One queue for vaults and plans, so the limit bounds every call.
  const vaults: VaultRecord[] = new Array(listedVaults.length);
  const plans: PlanRecord[] = new Array(listedPlans.length);
  const jobs = [
    ...listedVaults.map((vault, i) => async () => {
      vaults[i] = await readVault(client, vault, target);
    }),
    ...listedPlans.map((plan, i) => async () => {
      plans[i] = await readPlan(client, plan, target);
    }),
  ];
  await mapAllOrThrow(jobs, options.concurrency ?? DEFAULT_CONCURRENCY, job =>
    job(),
  );
  return { vaults, plans };
}

async function readNamedPlans(
  client: BackupClient,
  ids: readonly string[],
  target: { accountId: string; region: string },
  options: { concurrency?: number },
): Promise<PlanRecord[]> {
  const plans: Array<PlanRecord | undefined> = new Array(ids.length);
  const jobs = ids.map((id, i) => async () => {
    try {
      plans[i] = await readPlan(client, { BackupPlanId: id }, target);
    } catch (error) {
      // Deleted, or deleted while read: it is gone from the catalog too.
      if (!isResourceGone(error)) throw error;
    }
  });
  await mapAllOrThrow(jobs, options.concurrency ?? DEFAULT_CONCURRENCY, job =>
    job(),
  );
  return plans.filter((plan): plan is PlanRecord => plan !== undefined);
}

async function readVault(
  client: BackupClient,
  vault: BackupVaultListMember,
  target: { accountId: string; region: string },
): Promise<VaultRecord> {
  const arn = required(vault.BackupVaultArn, 'ListBackupVaults', 'an ARN');
  return {
    name: required(vault.BackupVaultName, 'ListBackupVaults', 'a name'),
    arn,
    region: target.region,
    accountId: target.accountId,
    vaultType: vault.VaultType,
    locked: vault.Locked,
    minRetentionDays: vault.MinRetentionDays,
    maxRetentionDays: vault.MaxRetentionDays,
    recoveryPoints: vault.NumberOfRecoveryPoints,
    encryptionKeyArn: vault.EncryptionKeyArn,
    createdAt: vault.CreationDate?.toISOString(),
    tags: await readTags(client, arn),
  };
}

async function readPlan(
  client: BackupClient,
  listed: BackupPlansListMember,
  target: { accountId: string; region: string },
): Promise<PlanRecord> {
  const id = required(listed.BackupPlanId, 'ListBackupPlans', 'an id');
  const plan = await client.send(
    new GetBackupPlanCommand({ BackupPlanId: id }),
  );
  if (!plan.BackupPlan) {
    throw new Error(`GetBackupPlan ${id} returned no plan`);
  }
  const arn = required(
    plan.BackupPlanArn ?? listed.BackupPlanArn,
    'GetBackupPlan',
    'an ARN',
  );
  return {
    id,
    arn,
    name: plan.BackupPlan.BackupPlanName ?? listed.BackupPlanName ?? id,
    versionId: plan.VersionId ?? listed.VersionId,
    region: target.region,
    accountId: target.accountId,
    rules: (plan.BackupPlan.Rules ?? []).map(
      (rule): BackupRuleRecord => ({
        name: required(rule.RuleName, 'GetBackupPlan', 'a rule name'),
        targetVaultName: required(
          rule.TargetBackupVaultName,
          'GetBackupPlan',
          'a target vault',
        ),
        targetAirGappedVaultArn: rule.TargetLogicallyAirGappedBackupVaultArn,
        schedule: rule.ScheduleExpression,
        scheduleTimezone: rule.ScheduleExpressionTimezone,
        startWindowMinutes: rule.StartWindowMinutes,
        completionWindowMinutes: rule.CompletionWindowMinutes,
        lifecycle: toLifecycle(rule.Lifecycle),
        copyActions: (rule.CopyActions ?? []).map(action => ({
          destinationVaultArn: required(
            action.DestinationBackupVaultArn,
            'GetBackupPlan',
            'a copy destination',
          ),
          lifecycle: toLifecycle(action.Lifecycle),
        })),
      }),
    ),
    ...(await readSelectionsIfServed(client, id)),
    tags: await readTags(client, arn),
  };
}

/** ListBackupSelections failed; GetBackupSelection errors are not wrapped. */
class SelectionsNotListed extends Error {
  constructor(readonly listError: unknown) {
    super('ListBackupSelections failed');
    this.name = 'SelectionsNotListed';
  }
}
/**
 * The plan's selections, or why they are unknown: only a call that is
 * denied or not served (the emulator lacks it) leaves them unknown and the
 * plan readable. Throttling after the retries, 5xx or a lost connection
 * fail the scope, so that the last good entities are kept.
 */
async function readSelectionsIfServed(
  client: BackupClient,
  planId: string,
): Promise<Pick<PlanRecord, 'selections' | 'selectionsUnread'>> {
  try {
    return { selections: await readSelections(client, planId) };
  } catch (error) {
    if (!(error instanceof SelectionsNotListed)) throw error;
    const cause = error.listError;
    if (!isAccessDenied(cause) && !isOperationUnavailable(cause)) throw cause;
    return {
      selectionsUnread: describeAwsError(cause),
    };
  }
}

async function readSelections(
  client: BackupClient,
  planId: string,
): Promise<BackupSelectionRecord[]> {
  const listed = await collectPages(
    paginateListBackupSelections(
      { client, pageSize: PAGE_SIZE },
      { BackupPlanId: planId },
    ),
    page => page.BackupSelectionsList,
  ).catch(error => {
    throw new SelectionsNotListed(error);
  });
  const selections: BackupSelectionRecord[] = [];
  for (const item of listed) {
    const selectionId = required(
      item.SelectionId,
      'ListBackupSelections',
      'an id',
    );
    const { BackupSelection: selection } = await client.send(
      new GetBackupSelectionCommand({
        BackupPlanId: planId,
        SelectionId: selectionId,
      }),
    );
    if (!selection) {
      throw new Error(`GetBackupSelection ${selectionId} returned nothing`);
    }
    const conditions = selection.Conditions;
    selections.push({
      name: selection.SelectionName ?? item.SelectionName ?? selectionId,
      iamRoleArn: selection.IamRoleArn ?? item.IamRoleArn,
      tagConditions: [
        ...(selection.ListOfTags ?? []).map(tag => ({
          key: tagKey(tag.ConditionKey),
          value: tag.ConditionValue ?? '',
        })),
        ...tagConditions(conditions?.StringEquals),
        ...tagConditions(conditions?.StringNotEquals, 'StringNotEquals'),
        ...tagConditions(conditions?.StringLike, 'StringLike'),
        ...tagConditions(conditions?.StringNotLike, 'StringNotLike'),
      ],
      resources: selection.Resources ?? [],
      ...(selection.NotResources?.length
        ? { notResources: selection.NotResources }
        : {}),
    });
  }
  return selections;
}

function tagConditions(
  parameters: ConditionParameter[] | undefined,
  operator?: 'StringNotEquals' | 'StringLike' | 'StringNotLike',
): BackupSelectionRecord['tagConditions'] {
  return (parameters ?? []).map(parameter => ({
    key: tagKey(parameter.ConditionKey),
    value: parameter.ConditionValue ?? '',
    ...(operator && { operator }),
  }));
}

function tagKey(conditionKey: string | undefined): string {
  const key = conditionKey ?? '';
  return key.startsWith(RESOURCE_TAG_PREFIX)
    ? key.slice(RESOURCE_TAG_PREFIX.length)
    : key;
}

function toLifecycle(
  lifecycle: Lifecycle | undefined,
): LifecycleRecord | undefined {
  if (!lifecycle) return undefined;
  return {
    coldAfterDays: lifecycle.MoveToColdStorageAfterDays,
    deleteAfterDays: lifecycle.DeleteAfterDays,
  };
}

async function readTags(
  client: BackupClient,
  arn: string,
): Promise<Record<string, string>> {
  const pages = await collectPages(
    paginateListTags({ client, pageSize: PAGE_SIZE }, { ResourceArn: arn }),
    page => [page.Tags ?? {}],
  );
  return Object.assign({}, ...pages);
}

// A field AWS always returns; its absence means a broken read.
function required<T>(value: T | undefined, call: string, what: string): T {
  if (value === undefined || value === null || value === '') {
    throw new Error(`${call} returned an item without ${what}`);
  }
  return value;
}

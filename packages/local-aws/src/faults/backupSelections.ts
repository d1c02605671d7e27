/**
 * AWS Backup's selection API, which moto 5.2.1 lacks (it answers
 * CreateBackupSelection and ListBackupSelections with an HTML 500), kept in
 * the proxy's memory so that the backup plan action and the ingestion can
 * run through the proxy, faults included, and a test can count selections.
 *
 * It follows AWS's documented behaviour where the action depends on it: a
 * selection belongs to an existing plan (moto is asked), and a
 * CreateBackupSelection that repeats a CreatorRequestId returns the
 * selection that request made instead of a second one. Selection names are
 * not unique, as in AWS, so a duplicate created by a caller shows up.
 */
import { randomUUID } from 'node:crypto';
import type { WireResponse } from './awsErrorResponses.ts';
import { renderAwsError } from './awsErrorResponses.ts';

/** A selection as ListBackupSelections and GetBackupSelection return it. */
export type StoredSelection = {
  SelectionId: string;
  BackupPlanId: string;
  CreationDate: number;
  CreatorRequestId?: string;
  BackupSelection: Record<string, unknown> & { SelectionName?: string };
};

const OPERATIONS = new Set([
  'CreateBackupSelection',
  'ListBackupSelections',
  'GetBackupSelection',
  'DeleteBackupSelection',
]);

/** Whether the store answers this operation instead of moto. */
export function isBackupSelectionOperation(
  service: string,
  operation: string,
): boolean {
  return service === 'backup' && OPERATIONS.has(operation);
}

/** Selections per account, region and plan. */
export class BackupSelectionStore {
  readonly #byPlan = new Map<string, StoredSelection[]>();

  /** Every selection, e.g. to count duplicates. */
  list(
    filter: { accountId?: string; planId?: string } = {},
  ): (StoredSelection & {
    accountId: string;
    region: string;
  })[] {
    const all = [];
    for (const [key, selections] of this.#byPlan) {
      const [accountId, region, planId] = key.split(':');
      if (filter.accountId && filter.accountId !== accountId) continue;
      if (filter.planId && filter.planId !== planId) continue;
      all.push(...selections.map(s => ({ ...s, accountId, region })));
    }
    return all;
  }

  clear(): void {
    this.#byPlan.clear();
  }

  /**
   * Answers one selection request. `planExists` asks moto for the plan
   * (GetBackupPlan with the caller's credentials).
   */
  async handle(request: {
    operation: string;
    method: string;
    url: string;
    body: string;
    accountId: string;
    region: string;
    requestId: string;
    planExists: (planId: string) => Promise<boolean>;
  }): Promise<WireResponse> {
    const path = request.url.split('?')[0];
    const [, , , rawPlanId, , rawSelectionId] = path.split('/');
    const planId = decodeURIComponent(rawPlanId ?? '');
    const selectionId = rawSelectionId && decodeURIComponent(rawSelectionId);
    if (!(await request.planExists(planId))) {
      return renderAwsError(
        'backup',
        {
          status: 404,
          code: 'ResourceNotFoundException',
          message: `Backup plan ${planId} does not exist`,
        },
        request.requestId,
      );
    }
    const key = `${request.accountId}:${request.region}:${planId}`;
    const selections = this.#byPlan.get(key) ?? [];
    this.#byPlan.set(key, selections);

    switch (request.operation) {
      case 'CreateBackupSelection': {
        const input = JSON.parse(request.body || '{}') as {
          BackupSelection?: StoredSelection['BackupSelection'];
          CreatorRequestId?: string;
        };
        if (!input.BackupSelection?.SelectionName) {
          return renderAwsError(
            'backup',
            {
              status: 400,
              code: 'InvalidParameterValueException',
              message: 'BackupSelection.SelectionName is required',
            },
            request.requestId,
          );
        }
        const repeated =
          input.CreatorRequestId &&
          selections.find(s => s.CreatorRequestId === input.CreatorRequestId);
        const selection = repeated || {
          SelectionId: randomUUID(),
          BackupPlanId: planId,
          CreationDate: Math.floor(Date.now() / 1000),
          CreatorRequestId: input.CreatorRequestId,
          BackupSelection: input.BackupSelection,
        };
        if (!repeated) selections.push(selection);
        return json({
          BackupPlanId: planId,
          SelectionId: selection.SelectionId,
          CreationDate: selection.CreationDate,
        });
      }
      case 'ListBackupSelections':
        return json({
          BackupSelectionsList: selections.map(s => ({
            SelectionId: s.SelectionId,
            SelectionName: s.BackupSelection.SelectionName,
            BackupPlanId: s.BackupPlanId,
            CreationDate: s.CreationDate,
            CreatorRequestId: s.CreatorRequestId,
            IamRoleArn: s.BackupSelection.IamRoleArn,
          })),
        });
      case 'GetBackupSelection':
      case 'DeleteBackupSelection': {
        const index = selections.findIndex(s => s.SelectionId === selectionId);
        if (index < 0) {
          return renderAwsError(
            'backup',
            {
              status: 404,
              code: 'ResourceNotFoundException',
              message: `Backup selection ${selectionId} does not exist`,
            },
            request.requestId,
          );
        }
        if (request.operation === 'DeleteBackupSelection') {
          selections.splice(index, 1);
          return json(undefined);
        }
        const found = selections[index];
        return json({
          BackupSelection: found.BackupSelection,
          SelectionId: found.SelectionId,
          BackupPlanId: found.BackupPlanId,
          CreationDate: found.CreationDate,
          CreatorRequestId: found.CreatorRequestId,
        });
      }
      default:
        throw new Error(`not a selection operation: ${request.operation}`);
    }
  }
}

function json(value: unknown): WireResponse {
  const body = value === undefined ? '' : JSON.stringify(value);
  return {
    status: 200,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  };
}

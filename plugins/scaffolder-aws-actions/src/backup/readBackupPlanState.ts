/**
 * What the backup plan action reads before it plans: the vaults it backs up
 * and copies into (refusing the run when one is missing), then every plan of
 * the requested name with its selections of the requested name.
 */
import type { BackupClient } from '@aws-sdk/client-backup';
import type { BackupPlan } from '@aws-sdk/client-backup';
import { ForwardedError, InputError } from '@backstage/errors';
import type { BackupPlanClients } from './backupPlanClients';
import { describeVault, findPlansByName, getPlan } from './backupPlans';
import { readSelectionsNamed } from './backupSelections';
import type { SelectionDetails } from './backupSelections';

/** A plan of the requested name as it exists. */
export interface ObservedPlan {
  id: string;
  arn: string;
  creatorRequestId?: string;
  body: BackupPlan | undefined;
  /** Its selections named like the one the action makes. */
  selections: SelectionDetails[];
}

/** Where each vault is, in words for the user. */
export interface VaultPlaces {
  own: string;
  backupAccount: string;
  secondary: string;
}

/**
 * The ARNs of the vaults each backup is copied into: the Backup account's,
 * then the secondary region's, as the clients ask for. Every vault,
 * including the plan's own, must exist: a missing one is an InputError
 * naming each, before any write.
 */
export async function readCopyTargets(
  clients: BackupPlanClients,
  vaultName: string,
  places: VaultPlaces,
): Promise<string[]> {
  const checks = [
    { what: places.own, client: clients.workload },
    ...(clients.backupAccount
      ? [{ what: places.backupAccount, client: clients.backupAccount }]
      : []),
    ...(clients.secondary
      ? [{ what: places.secondary, client: clients.secondary }]
      : []),
  ];
  const vaults = await Promise.all(
    checks.map(check => checkVault(check.client, vaultName, check.what)),
  );
  const missing = checks.filter((_, i) => !vaults[i]);
  if (missing.length > 0) {
    throw new InputError(
      `The vault ${vaultName} does not exist in ${missing
        .map(check => check.what)
        .join(
          '; nor in ',
        )}. Create it there first (the guide's backup-vault module); the plan would back up or copy into it.`,
    );
  }
  return vaults.slice(1).map(vault => vault!.arn);
}

async function checkVault(client: BackupClient, name: string, what: string) {
  try {
    return await describeVault(client, name);
  } catch (error) {
    throw new ForwardedError(
      `Could not check the vault ${name} in ${what}`,
      error,
    );
  }
}

/** Every plan named `planName`, with its selections named `selectionName`. */
export async function readExistingPlans(
  client: BackupClient,
  planName: string,
  selectionName: string,
): Promise<ObservedPlan[]> {
  const found = await findPlansByName(client, planName);
  return Promise.all(
    found.map(async plan => {
      const current = await getPlan(client, plan.id);
      return {
        id: plan.id,
        arn: plan.arn,
        creatorRequestId: current.CreatorRequestId ?? plan.creatorRequestId,
        body: current.BackupPlan,
        selections: await readSelectionsNamed(client, plan.id, selectionName),
      };
    }),
  );
}

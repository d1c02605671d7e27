import { BackupClient } from '@aws-sdk/client-backup';
import type {
  AwsActor,
  AwsClientFactory,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';

/** The AWS Backup clients of one run of the backup plan action. */
export interface BackupPlanClients {
  /** The workload account in the plan's region: every write goes here. */
  workload: BackupClient;
  /** The Backup account in the plan's region: only its vault is read. */
  backupAccount?: BackupClient;
  /** The workload account in the secondary region: only its vault is read. */
  secondary?: BackupClient;
}

/**
 * Builds the clients through the suite's factory. Only the workload client
 * writes, so only it acts for the user (`actor`), which names them in the
 * STS session and so in CloudTrail; the vault reads are the backend's own.
 */
export async function backupPlanClients(
  factory: AwsClientFactory,
  target: {
    accountId: string;
    region: string;
    backupAccountId?: string;
    secondaryRegion?: string;
    actor?: AwsActor;
  },
): Promise<BackupPlanClients> {
  const { accountId, region, actor } = target;
  const [workload, backupAccount, secondary] = await Promise.all([
    factory.createClient(BackupClient, {
      accountId,
      region,
      ...(actor ? { actor } : {}),
    }),
    target.backupAccountId
      ? factory.createClient(BackupClient, {
          accountId: target.backupAccountId,
          region,
        })
      : undefined,
    target.secondaryRegion
      ? factory.createClient(BackupClient, {
          accountId,
          region: target.secondaryRegion,
        })
      : undefined,
  ]);
  return { workload, backupAccount, secondary };
}

import { ConflictError } from '@backstage/errors';
import {
  createRepository,
  describeRepository,
  getRepositoryPolicy,
  setRepositoryPolicy,
} from '../ecr/ecrRepositories';
import { pullAccessChange } from '../ecr/repositoryPolicy';
import { canonical, samePolicy } from '../iam/iamPolicies';
import { createRole, getRole, putRolePolicy, tagRole } from '../iam/iamRoles';
import { partitionOf } from '../lib/regions';
import {
  createAliasRecord,
  getRecordSets,
  isAliasTo,
} from '../route53/route53Records';
import { waitForInsync } from '../route53/route53Zones';
import type { WorkloadClients } from './workloadClients';
import type { WorkloadChange } from './workloadPlan';

/** What a change left behind, kept in its checkpoint. */
export type AppliedChange = {
  /** False when AWS already had it (an earlier attempt, or another run). */
  changed: boolean;
};

/**
 * Applies one change of the plan so that running it again after a kill (the
 * AWS call done, the checkpoint not yet stored) changes nothing. IAM, ECR
 * and Route 53 record changes have no idempotency token of their own: roles
 * and repositories rely on AWS refusing a duplicate name and then compare
 * what is there; records are read before they are created; tags and inline
 * policies are written whole, so writing them twice is harmless.
 */
export async function applyWorkloadChange(
  change: WorkloadChange,
  clients: WorkloadClients,
  options: { syncTimeoutMs: number; signal?: AbortSignal },
): Promise<AppliedChange> {
  switch (change.kind) {
    case 'createRepository': {
      const ecr = await clients.ecr(change.accountId, change.region);
      const created = await createRepository(ecr, {
        name: change.name,
        tags: change.tags,
      });
      if (created) return { changed: true };
      const existing = await describeRepository(ecr, change.name);
      if (!existing?.immutableTags || !existing.scanOnPush) {
        throw new ConflictError(
          `The ECR repository ${change.name} appeared meanwhile with other settings (mutable tags or no scan on push); it was left as it is`,
        );
      }
      return { changed: false };
    }
    case 'allowPull': {
      const ecr = await clients.ecr(change.accountId, change.region);
      const current = await getRepositoryPolicy(ecr, change.name);
      const pull = pullAccessChange(
        current,
        change.pullAccountIds,
        partitionOf(change.region),
      );
      if (pull.kind === 'conflict') {
        throw new ConflictError(
          `The ECR repository ${change.name} cannot be opened to the workload accounts: ${pull.reason}`,
        );
      }
      if (pull.kind === 'none') return { changed: false };
      await setRepositoryPolicy(ecr, change.name, JSON.stringify(pull.policy));
      return { changed: true };
    }
    case 'createRole': {
      const { role } = change;
      const iam = await clients.iam(role.accountId, role.region);
      const arn = await createRole(iam, {
        name: role.name,
        trustPolicy: role.trustPolicy,
        description: role.description,
        tags: role.tags,
      });
      if (arn) return { changed: true };
      const existing = await getRole(iam, role.name);
      if (!existing || !samePolicy(existing.trustPolicy, role.trustPolicy)) {
        throw new ConflictError(
          `The IAM role ${
            role.name
          } appeared meanwhile with another trust policy (${canonical(
            existing?.trustPolicy,
          )}); it was left as it is`,
        );
      }
      // Tags of a role created by an earlier attempt of this task are set;
      // those of a role someone else created are the tagRole change's job.
      return { changed: false };
    }
    case 'tagRole': {
      const iam = await clients.iam(change.accountId, change.region);
      await tagRole(iam, change.roleName, change.tags);
      return { changed: true };
    }
    case 'putRolePolicy': {
      const iam = await clients.iam(change.accountId, change.region);
      await putRolePolicy(
        iam,
        change.roleName,
        change.policyName,
        change.document,
      );
      return { changed: true };
    }
    case 'createAliasRecord': {
      const route53 = await clients.route53(change.accountId);
      const before = await getRecordSets(route53, change.zoneId, change.host);
      if (before.some(r => isAliasTo(r, change.target))) {
        return { changed: false };
      }
      if (before.length > 0) {
        throw new ConflictError(
          `${change.host} got a ${before[0].type} record meanwhile; it was left as it is`,
        );
      }
      const changeId = await createAliasRecord(route53, {
        zoneId: change.zoneId,
        name: change.host,
        target: change.target,
        comment: `Flightdeck workload host (Backstage)`,
      });
      if (!changeId) {
        const after = await getRecordSets(route53, change.zoneId, change.host);
        if (!after.some(r => isAliasTo(r, change.target))) {
          throw new ConflictError(
            `${change.host} got another record meanwhile; it was left as it is`,
          );
        }
        return { changed: false };
      }
      await waitForInsync(route53, changeId, {
        timeoutMs: options.syncTimeoutMs,
        signal: options.signal,
      });
      return { changed: true };
    }
    default:
      throw new Error(`Unknown change ${(change as WorkloadChange).kind}`);
  }
}

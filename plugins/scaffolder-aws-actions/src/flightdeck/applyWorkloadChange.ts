import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  createRepository,
  describeRepository,
  getRepositoryPolicy,
  listRepositoryTags,
  setRepositoryPolicy,
} from '../ecr/ecrRepositories';
import { pullAccessChange } from '../ecr/repositoryPolicy';
import { samePolicy } from '../iam/iamPolicies';
import { createRole, getRole, putRolePolicy, tagRole } from '../iam/iamRoles';
import { AwsResponseLike, logAppliedChange } from '../lib/changeLog';
import { judgeExisting, OWNERSHIP_TAG } from '../lib/ownership';
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

/** Options of {@link applyWorkloadChange}. */
export interface ApplyOptions {
  syncTimeoutMs: number;
  signal?: AbortSignal;
  /** Gets one line per change made, with its AWS request ids. */
  logger: Pick<LoggerService, 'info'>;
}

/** A change's outcome and the responses of the writes that made it. */
type Outcome = { changed: boolean; responses: AwsResponseLike[] };

const unchanged: Outcome = { changed: false, responses: [] };

/**
 * Applies one change of the plan so that running it again after a kill (the
 * AWS call done, the checkpoint not yet stored) changes nothing. IAM, ECR
 * and Route 53 record changes have no idempotency token of their own: roles
 * and repositories rely on AWS refusing a duplicate name and then judge what
 * is there by its ownership tags, as the plan does; records are read before
 * they are created; tags and inline policies are written whole, so writing
 * them twice is harmless. Each change made is logged with its request ids.
 */
export async function applyWorkloadChange(
  change: WorkloadChange,
  clients: WorkloadClients,
  options: ApplyOptions,
): Promise<AppliedChange> {
  const outcome = await apply(change, clients, options);
  if (outcome.changed) {
    logAppliedChange(options.logger, change.description, outcome.responses);
  }
  return { changed: outcome.changed };
}

async function apply(
  change: WorkloadChange,
  clients: WorkloadClients,
  options: ApplyOptions,
): Promise<Outcome> {
  switch (change.kind) {
    case 'createRepository':
      return applyCreateRepository(change, clients);
    case 'allowPull':
      return applyAllowPull(change, clients);
    case 'createRole':
      return applyCreateRole(change, clients);
    case 'tagRole': {
      const iam = await clients.iam(change.accountId, change.region);
      const response = await tagRole(iam, change.roleName, change.tags);
      return { changed: true, responses: response ? [response] : [] };
    }
    case 'putRolePolicy': {
      const iam = await clients.iam(change.accountId, change.region);
      const response = await putRolePolicy(
        iam,
        change.roleName,
        change.policyName,
        change.document,
      );
      return { changed: true, responses: [response] };
    }
    case 'createAliasRecord':
      return applyCreateAliasRecord(change, clients, options);
    default:
      throw new Error(`Unknown change ${(change as WorkloadChange).kind}`);
  }
}

type ChangeOf<K extends WorkloadChange['kind']> = Extract<
  WorkloadChange,
  { kind: K }
>;

async function applyCreateRepository(
  change: ChangeOf<'createRepository'>,
  clients: WorkloadClients,
): Promise<Outcome> {
  const ecr = await clients.ecr(change.accountId, change.region);
  const created = await createRepository(ecr, {
    name: change.name,
    tags: change.tags,
  });
  if (created) return { changed: true, responses: [created] };
  // Taken meanwhile: ours (an earlier attempt) or someone else's.
  const existing = await describeRepository(ecr, change.name);
  const verdict = judgeExisting(
    existing && (await listRepositoryTags(ecr, existing.arn)),
    change.tags[OWNERSHIP_TAG.lineage],
    `The ECR repository ${change.name}, which appeared meanwhile,`,
  );
  if (verdict.kind === 'conflict') throw new ConflictError(verdict.reason);
  if (!existing?.immutableTags || !existing.scanOnPush) {
    throw new ConflictError(
      `The ECR repository ${change.name} appeared meanwhile with other settings (mutable tags or no scan on push); it was left as it is`,
    );
  }
  return unchanged;
}

async function applyAllowPull(
  change: ChangeOf<'allowPull'>,
  clients: WorkloadClients,
): Promise<Outcome> {
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
  if (pull.kind === 'none') return unchanged;
  const response = await setRepositoryPolicy(
    ecr,
    change.name,
    JSON.stringify(pull.policy),
  );
  return { changed: true, responses: [response] };
}

async function applyCreateRole(
  change: ChangeOf<'createRole'>,
  clients: WorkloadClients,
): Promise<Outcome> {
  const { role } = change;
  const iam = await clients.iam(role.accountId, role.region);
  const created = await createRole(iam, {
    name: role.name,
    trustPolicy: role.trustPolicy,
    description: role.description,
    tags: role.tags,
  });
  if (created) return { changed: true, responses: [created] };
  // Taken meanwhile: reused only when this workload made it, as planned.
  const existing = await getRole(iam, role.name);
  const verdict = judgeExisting(
    existing?.tags,
    role.tags[OWNERSHIP_TAG.lineage],
    `The IAM role ${role.name}, which appeared meanwhile,`,
  );
  if (verdict.kind === 'conflict') throw new ConflictError(verdict.reason);
  if (!existing || !samePolicy(existing.trustPolicy, role.trustPolicy)) {
    throw new ConflictError(
      `The IAM role ${role.name} appeared meanwhile trusting other subjects than the workload needs; it was left as it is`,
    );
  }
  return unchanged;
}

async function applyCreateAliasRecord(
  change: ChangeOf<'createAliasRecord'>,
  clients: WorkloadClients,
  options: ApplyOptions,
): Promise<Outcome> {
  const route53 = await clients.route53(change.accountId);
  const before = await getRecordSets(route53, change.zoneId, change.host);
  if (before.some(r => isAliasTo(r, change.target))) return unchanged;
  if (before.length > 0) {
    throw new ConflictError(
      `${change.host} got a ${before[0].type} record meanwhile; it was left as it is`,
    );
  }
  const response = await createAliasRecord(route53, {
    zoneId: change.zoneId,
    name: change.host,
    target: change.target,
    comment: `Flightdeck workload host (Backstage)`,
  });
  if (!response) {
    const after = await getRecordSets(route53, change.zoneId, change.host);
    if (!after.some(r => isAliasTo(r, change.target))) {
      throw new ConflictError(
        `${change.host} got another record meanwhile; it was left as it is`,
      );
    }
    return unchanged;
  }
  const changeId = response.ChangeInfo?.Id?.replace(/^\/change\//, '');
  if (changeId) {
    await waitForInsync(route53, changeId, {
      timeoutMs: options.syncTimeoutMs,
      signal: options.signal,
    });
  }
  return { changed: true, responses: [response] };
}

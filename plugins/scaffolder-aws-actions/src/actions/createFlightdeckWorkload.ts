import type { PermissionsService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createTemplateAction,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type {
  FlightdeckWorkloadInput,
  FlightdeckWorkloadOutput,
} from './actionTypes';
import { awsPlatformFlightdeckWorkloadCreatePermission } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { ActionsConfig, AllowedAccount } from '../actionsConfig';
import {
  changeOutputSchemas,
  planOnlyInput,
  writeChangeOutputs,
} from '../lib/changeOutputs';
import { accountNamer } from '../lib/changeSummary';
import { applyWorkloadPlan } from '../flightdeck/applyWorkloadPlan';
import {
  DesiredWorkload,
  desiredWorkload,
} from '../flightdeck/desiredWorkload';
import type { FlightdeckConfig } from '../flightdeck/flightdeckConfig';
import {
  readExistingWorkload,
  readStageFacts,
} from '../flightdeck/readWorkloadState';
import { ResolvedStage, resolveStages } from '../flightdeck/resolveStages';
import { workloadClients } from '../flightdeck/workloadClients';
import {
  MAX_APP_NAME,
  MAX_BRANCHES,
  MAX_CLUSTERS_PER_STAGE,
  MAX_STAGE_NAME,
  MAX_STAGES,
  RawWorkloadInput,
  validateWorkloadInput,
  WorkloadInput,
} from '../flightdeck/workloadInput';
import {
  planWorkload,
  workloadChangeAccount,
} from '../flightdeck/workloadPlan';
import { authorizeChange, ChangedAccount } from '../lib/authorizeChange';
import { resolveOwnerGroup } from '../lib/ownerGroup';
import { examples } from './createFlightdeckWorkload.examples';

/**
 * `aws-platform:flightdeck:workload:create`: what a new workload needs in
 * AWS on Flightdeck (the guide's sections b.4 and e). In the Operations
 * account, the ECR repository `<org>/<app>` with immutable tags and scanning
 * on push, open to the stages' accounts, and the CI role that pushes to it;
 * per stage, the pod role `<app>-<stage>-pods` (IRSA through the clusters'
 * OIDC providers), the deploy role `<app>-<stage>-deploy` tagged
 * `cluster.<cluster>.deploy=true`, and an ALIAS record for the host pointing
 * at the stage's load balancer. Creates what is missing, converges only
 * what carries this workload's ownership tags, refuses anything else before
 * any write; safe to retry and to dry-run.
 * @public
 */
export function createFlightdeckWorkloadAction(options: {
  config: ActionsConfig;
  clientFactory: AwsClientFactory;
  catalog: CatalogService;
  permissions: PermissionsService;
}): TemplateAction<FlightdeckWorkloadInput, FlightdeckWorkloadOutput, 'v2'> {
  const { config, clientFactory, catalog, permissions } = options;
  return createTemplateAction({
    id: 'aws-platform:flightdeck:workload:create',
    description:
      "Sets up a new Flightdeck workload in AWS: the ECR repository <org>/<app> in the Operations account (immutable tags, scan on push, pullable by the stages' accounts) and its CI push role; per stage, the pod role <app>-<stage>-pods trusted through the cluster's OIDC issuer, the deploy role <app>-<stage>-deploy tagged cluster.<cluster>.deploy=true, and an ALIAS record for the host to the stage's load balancer. Reuses only what this workload (same name, GitHub repository and owner group) made, refuses anything else; safe to retry; supports dry-run.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .min(1)
            .max(MAX_APP_NAME)
            .describe(
              `The application's name, 1 to ${MAX_APP_NAME} lowercase letters, digits or inner hyphens, e.g. storefront. It names the repository <org>/<name>, the namespaces <name>-<stage> and the roles.`,
            ),
        githubRepository: z =>
          z
            .string()
            .min(3)
            .max(140)
            .describe(
              "The application's GitHub repository, owner/name, e.g. acme/storefront. The owner must be listed in scaffolder.awsPlatform.flightdeck.githubOwners. Only its workflows, on the deploy branches, may assume the CI roles.",
            ),
        owner: z =>
          z
            .string()
            .min(1)
            .max(300)
            .describe(
              "The team that owns the workload: a catalog Group's entity ref, e.g. group:default/payments. With the name and the GitHub repository it decides which existing resources this workload may reuse; it is written as the owner tag.",
            ),
        serviceAccount: z =>
          z
            .string()
            .max(63)
            .optional()
            .describe(
              "The Kubernetes service account of the application's pods, e.g. storefront. Default: the application's name, as in the guide.",
            ),
        stages: z =>
          z
            .array(
              z.object({
                name: z
                  .string()
                  .min(1)
                  .max(MAX_STAGE_NAME)
                  .describe(
                    'The stage, e.g. staging or production: lowercase letters and digits, no hyphen (so <app>-<stage> splits one way only); the namespace is <app>-<stage>.',
                  ),
                account: z
                  .string()
                  .min(1)
                  .max(300)
                  .describe(
                    "The stage's workload account: its 12-digit id or its catalog entity, e.g. resource:default/account-171870262174. It must be listed in scaffolder.awsPlatform.accounts.",
                  ),
                clusters: z
                  .array(z.string().min(1).max(300))
                  .min(1)
                  .max(MAX_CLUSTERS_PER_STAGE)
                  .describe(
                    "The stage's Flightdeck clusters (two during a blue/green upgrade): names or catalog entities, e.g. [acme-sandbox-v1]. Each must be listed in scaffolder.awsPlatform.flightdeck.clusters for the stage's account.",
                  ),
                zone: z
                  .string()
                  .max(300)
                  .optional()
                  .describe(
                    "The public zone of the stage's account the host goes in: its name or catalog entity, e.g. sandbox.example.com. Default: the zone configured for the clusters.",
                  ),
                host: z
                  .string()
                  .max(253)
                  .optional()
                  .describe(
                    "The application's host name in that zone, e.g. storefront.sandbox.example.com. Default: <app>.<zone>.",
                  ),
                deployBranches: z
                  .array(z.string().min(1).max(200))
                  .max(MAX_BRANCHES)
                  .optional()
                  .describe(
                    'The branches whose workflows may deploy this stage, e.g. [main]. Default: [main].',
                  ),
              }),
            )
            .min(1)
            .max(MAX_STAGES)
            .describe(
              'The stages to set up, each in its own workload account, cluster and zone, e.g. staging in Sandbox and production in Production.',
            ),
        ...planOnlyInput,
      },
      output: {
        repositoryName: z =>
          z.string().describe('The ECR repository, e.g. acme/storefront'),
        repositoryUri: z =>
          z
            .string()
            .describe(
              'Where CI pushes images, e.g. 708053100330.dkr.ecr.us-east-1.amazonaws.com/acme/storefront',
            ),
        repositoryArn: z => z.string().describe('ARN of the ECR repository'),
        ecrRegion: z =>
          z.string().describe('Region of the ECR repository, e.g. us-east-1'),
        pushRoleArn: z =>
          z
            .string()
            .describe(
              'ARN of the role GitHub Actions assumes in the Operations account to push images',
            ),
        stages: z =>
          z
            .array(
              z.object({
                name: z.string().describe('The stage, e.g. production'),
                accountId: z.string().describe("The stage's account id"),
                accountName: z
                  .string()
                  .describe(
                    "The stage's account name from scaffolder.awsPlatform.accounts, e.g. Sandbox",
                  ),
                region: z
                  .string()
                  .describe("The region of the stage's clusters"),
                namespace: z
                  .string()
                  .describe('The Kubernetes namespace, <app>-<stage>'),
                serviceAccount: z
                  .string()
                  .describe("The pods' Kubernetes service account"),
                clusters: z
                  .array(z.string())
                  .describe("Names of the stage's clusters"),
                podRoleArn: z
                  .string()
                  .describe(
                    'ARN of <app>-<stage>-pods, for the service account annotation',
                  ),
                deployRoleArn: z
                  .string()
                  .describe('ARN of <app>-<stage>-deploy, for the CI workflow'),
                host: z.string().describe("The stage's host name"),
                zoneName: z.string().describe('The zone of the host'),
                zoneId: z.string().describe('Id of that zone'),
                ingress: z
                  .object({
                    dnsName: z
                      .string()
                      .describe("The load balancer's DNS name"),
                    hostedZoneId: z
                      .string()
                      .describe("The load balancer's canonical zone id"),
                  })
                  .describe("The stage's load balancer the host points at"),
                deployBranches: z
                  .array(z.string())
                  .describe('The branches whose workflows may deploy'),
              }),
            )
            .describe('What each stage got, in the order of the input'),
        consoleUrl: z =>
          z.string().describe('Link to the ECR repository in the AWS console'),
        changed: z =>
          z
            .boolean()
            .describe(
              'Whether this run changed AWS (false in a dry-run and when everything existed)',
            ),
        plannedChanges: z =>
          z
            .array(z.string())
            .describe(
              'The AWS changes this run makes (or, in a dry-run, would make)',
            ),
        ...changeOutputSchemas,
      },
    },
    async handler(ctx) {
      // 1. Validate everything, then check permissions before any catalog or AWS call.
      const flightdeck = config.flightdeck;
      if (!flightdeck) {
        throw new InputError(
          'Flightdeck workloads are not configured: set scaffolder.awsPlatform.flightdeck in the backend config',
        );
      }
      const input = validateWorkloadInput(
        ctx.input as unknown as RawWorkloadInput,
        { githubOwners: flightdeck.githubOwners },
      );
      const credentials = await ctx.getInitiatorCredentials();
      await authorizeChange(
        permissions,
        credentials,
        awsPlatformFlightdeckWorkloadCreatePermission,
        accountsNamedByInput(input, config.accounts, flightdeck),
      );
      const owner = await resolveOwnerGroup(
        catalog,
        credentials,
        input.owner,
        'owner',
      );
      const stages = await resolveStages(input, {
        accounts: config.accounts,
        clusters: flightdeck.clusters,
        catalog,
        credentials,
      });
      // A stage named by its catalog entity is known only now: its account's
      // production permission is asked before any AWS call, as the others'.
      await authorizeChange(
        permissions,
        credentials,
        awsPlatformFlightdeckWorkloadCreatePermission,
        stages.map(stage => stage.accountInfo),
      );
      const log = (message: string) => ctx.logger.info(message);
      log(describeWorkload(input.appName, owner, stages));

      // 2. Read what it builds on (refusing what is missing), then what exists.
      const userEntityRef = ctx.user?.ref;
      const clients = workloadClients(clientFactory);
      const facts = await readStageFacts(clients, flightdeck, stages, log);
      const desired = desiredWorkload({
        appName: input.appName,
        githubRepository: input.githubRepository,
        owner,
        serviceAccount: input.serviceAccount,
        requester: { userEntityRef, taskId: ctx.task.id },
        config: flightdeck,
        stages,
        facts,
      });
      const observed = await readExistingWorkload(clients, desired, log);

      // 3. Plan; refuse before any write when anything is not ours.
      const plan = planWorkload(desired, observed);
      if (plan.conflicts.length > 0) {
        throw new ConflictError(
          `Nothing was changed: ${plan.conflicts.join('. ')}.`,
        );
      }
      const plannedChanges = plan.changes.map(c => c.description);
      ctx.output('plannedChanges', plannedChanges);
      writeOutputs(ctx.output, desired);
      const changes = plan.changes.map(change => ({
        accountId: workloadChangeAccount(change),
        description: change.description,
      }));
      const names = accountNamer(config.accounts, {
        Operations: flightdeck.operationsAccountId,
      });
      if (ctx.isDryRun || ctx.input.planOnly === true) {
        writeChangeOutputs(ctx.output, changes, names, 'planned');
        log(
          describeReview(
            ctx.isDryRun ? 'Dry-run' : 'Plan only',
            plannedChanges,
          ),
        );
        ctx.output('changed', false);
        return;
      }
      if (plan.changes.length === 0) {
        log('Everything the workload needs already exists; nothing to change.');
        ctx.output('changed', false);
        writeChangeOutputs(ctx.output, [], names, 'done');
        return;
      }

      // 4. Change AWS, each step checkpointed so a resumed task skips what is done.
      // Writes run as a session named after the user, so CloudTrail shows
      // who asked; the factory refuses a task without a user.
      const changed = await applyWorkloadPlan(plan.changes, {
        appName: input.appName,
        clients: workloadClients(clientFactory, { userEntityRef }),
        logger: ctx.logger,
        checkpoint: step => ctx.checkpoint(step),
        syncTimeoutMs: flightdeck.syncTimeoutSeconds * 1000,
        signal: ctx.signal,
      });
      ctx.output('changed', changed);
      writeChangeOutputs(ctx.output, changes, names, 'done');
    },
  });
}

/** "Workload shop of group:default/x: staging in Sandbox on c1 at shop.sandbox.example.com; ..." */
function describeWorkload(
  appName: string,
  owner: string,
  stages: ResolvedStage[],
): string {
  return `Workload ${appName} of ${owner}: ${stages
    .map(
      s =>
        `${s.name} in ${s.accountInfo.name} on ${s.clusterConfigs
          .map(c => c.name)
          .join(', ')} at ${s.hostName}`,
    )
    .join('; ')}`;
}

/** What a dry-run or review run would change. */
function describeReview(mode: string, plannedChanges: string[]): string {
  return plannedChanges.length
    ? `${mode}, nothing changed. Planned changes:\n- ${plannedChanges.join(
        '\n- ',
      )}`
    : `${mode}, nothing changed. Everything the workload needs already exists.`;
}

/**
 * The accounts a run may change, as far as the input names them without the
 * catalog: Operations (always, and as production: every workload's images
 * and CI roles live there) and the allowlisted accounts given by id. Enough
 * for the permission check, whose production part Operations decides.
 */
function accountsNamedByInput(
  input: WorkloadInput,
  accounts: AllowedAccount[],
  flightdeck: FlightdeckConfig,
): ChangedAccount[] {
  const named = accounts.filter(account =>
    input.stages.some(stage => stage.account === account.accountId),
  );
  return [
    {
      accountId: flightdeck.operationsAccountId,
      name: 'Operations',
      production: true,
    },
    ...named,
  ];
}

function writeOutputs(
  output: (name: any, value: any) => void,
  desired: DesiredWorkload,
) {
  const { repository, operations } = desired;
  output('repositoryName', repository.name);
  output('repositoryUri', repository.uri);
  output('repositoryArn', repository.arn);
  output('ecrRegion', operations.region);
  output('pushRoleArn', desired.pushRole.arn);
  output(
    'stages',
    desired.stages.map(stage => ({
      name: stage.name,
      accountId: stage.accountId,
      accountName: stage.accountName,
      region: stage.podRole.region,
      namespace: stage.namespace,
      serviceAccount: stage.serviceAccount,
      clusters: stage.clusters,
      podRoleArn: stage.podRole.arn,
      deployRoleArn: stage.deployRole.arn,
      host: stage.dns.host,
      zoneName: stage.dns.zoneName,
      zoneId: stage.dns.zoneId,
      ingress: stage.dns.target,
      deployBranches: stage.deployBranches,
    })),
  );
  output(
    'consoleUrl',
    `https://${operations.region}.console.aws.amazon.com/ecr/repositories/private/${operations.accountId}/${repository.name}?region=${operations.region}`,
  );
}

import type { PermissionsService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ActionContext,
  createTemplateAction,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type {
  DelegatedSubdomainInput,
  DelegatedSubdomainOutput,
} from './actionTypes';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { ActionsConfig } from '../actionsConfig';
import { getNameServers } from '../route53/route53Zones';
import { applySubdomainPlan } from '../subdomain/applySubdomainPlan';
import { authorizeAndResolve } from '../subdomain/authorizeSubdomain';
import { readSubdomainState } from '../subdomain/readSubdomainState';
import { subdomainClients } from '../subdomain/subdomainClients';
import {
  MAX_USER_TAGS,
  RawSubdomainInput,
  validateSubdomainInput,
} from '../subdomain/subdomainInput';
import {
  desiredSubdomain,
  planSubdomain,
  SUBDOMAIN_ACTION,
  subdomainChangeAccount,
  SubdomainPlan,
} from '../subdomain/subdomainPlan';
import { examples } from './createDelegatedSubdomain.examples';
import {
  changeOutputSchemas,
  planOnlyInput,
  readPlanOnly,
  writeChangeOutputs,
} from '../lib/changeOutputs';
import { accountNamer } from '../lib/changeSummary';

/**
 * `aws-platform:route53:subdomain:create`: a public zone for a subdomain in
 * a workload account, delegated from its parent zone in the Network account
 * (the guide's procedure, section c). It changes only what it owns: a zone
 * is reused only when the suite made it for the same request (name, account,
 * owner group), and the parent's NS record is created, never overwritten,
 * unless the template asks to repair a drifted delegation of such a zone.
 * Safe to retry and to dry-run.
 * @public
 */
export function createDelegatedSubdomainAction(options: {
  config: ActionsConfig;
  clientFactory: AwsClientFactory;
  catalog: CatalogService;
  permissions: PermissionsService;
}): TemplateAction<DelegatedSubdomainInput, DelegatedSubdomainOutput, 'v2'> {
  const { config, clientFactory, catalog, permissions } = options;
  return createTemplateAction({
    id: SUBDOMAIN_ACTION,
    description:
      'Creates a public Route 53 zone for a subdomain in a workload account, owned by a catalog group, and delegates it from the parent zone in the Network account (NS record, TTL 3600). Reuses only a zone the suite made for the same subdomain, account and owner; refuses a name already delegated elsewhere; safe to retry; supports dry-run.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        domainName: z =>
          z
            .string()
            .min(1)
            .max(253)
            .describe(
              'Fully qualified name of the subdomain, e.g. staging.example.com. It must be under a parent zone listed in scaffolder.awsPlatform.route53.parentZones and must not start with a reserved name.',
            ),
        account: z =>
          z
            .string()
            .min(1)
            .max(300)
            .describe(
              'The workload account that will hold the zone: its 12-digit id or its catalog entity, e.g. resource:default/account-210987654321. It must be listed in scaffolder.awsPlatform.accounts.',
            ),
        owner: z =>
          z
            .string()
            .min(1)
            .max(300)
            .describe(
              "The catalog group that owns the zone, e.g. group:default/payments. It becomes the zone's owner tag.",
            ),
        tags: z =>
          z
            .record(z.string().max(256))
            .optional()
            .describe(
              `More tags for the zone, at most ${MAX_USER_TAGS}, e.g. { cost-center: cc-42 }. owner and aws-platform-suite.github.io/ keys are the action's and are refused here.`,
            ),
        repairDelegation: z =>
          z
            .boolean()
            .optional()
            .describe(
              "When true, a parent NS record that names other name servers is replaced with the zone's, if the suite made the zone for this same request. Needs aws-platform.route53.delegation.repair. Default false: such a record is a conflict.",
            ),
        ...planOnlyInput,
      },
      output: {
        zoneId: z =>
          z
            .string()
            .describe('Id of the subdomain zone, e.g. Z0123456789ABCDEFGHIJ'),
        domainName: z =>
          z
            .string()
            .describe('The subdomain, normalized (lowercase, no trailing dot)'),
        nameServers: z =>
          z
            .array(z.string())
            .describe('The zone name servers, as written in the parent'),
        parentZoneId: z =>
          z.string().describe('Id of the parent zone in the Network account'),
        consoleUrl: z =>
          z.string().describe('Link to the zone in the AWS console'),
        created: z =>
          z
            .boolean()
            .describe(
              'Whether this task created the zone (false when it existed)',
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
      // 1. Validate the input, then check permissions before any catalog or AWS call.
      const route53 = config.route53;
      if (!route53) {
        throw new InputError(
          'Delegated subdomains are not configured: set scaffolder.awsPlatform.route53 in the backend config',
        );
      }
      const raw = ctx.input as RawSubdomainInput;
      const input = validateSubdomainInput(raw, route53);
      const planOnly = readPlanOnly(ctx.input.planOnly);
      const { account, network, ownerGroup } = await authorizeAndResolve(
        { config, catalog, permissions, route53 },
        { raw, input, credentials: await ctx.getInitiatorCredentials() },
      );

      // 2. Read what exists, then plan: pure, and refused as a whole on any conflict.
      const accounts = {
        networkAccountId: network.accountId,
        workloadAccountId: account.accountId,
      };
      const observed = await readSubdomainState(
        await subdomainClients(clientFactory, accounts),
        {
          ...input,
          networkAccountId: network.accountId,
        },
      );
      const desired = desiredSubdomain({
        ...input,
        account,
        ownerGroup,
        requester: { userEntityRef: ctx.user?.ref, taskId: ctx.task.id },
        ttl: route53.ttl,
      });
      const plan = planSubdomain(desired, observed);
      if (plan.conflicts.length > 0) {
        throw new ConflictError(
          `Nothing was changed: ${plan.conflicts.join(' ')}`,
        );
      }
      ctx.output(
        'plannedChanges',
        plan.changes.map(c => c.description),
      );
      ctx.output('domainName', input.domainName);
      ctx.output('parentZoneId', observed.parentZoneId);
      const changes = plan.changes.map(change => ({
        accountId: subdomainChangeAccount(change, accounts),
        description: change.description,
      }));
      const names = accountNamer(config.accounts, {
        Network: network.accountId,
      });
      if (ctx.isDryRun || planOnly) {
        writeChangeOutputs(ctx.output, changes, names, 'planned');
        reportPlanOnly(ctx, plan, ctx.isDryRun ? 'Dry-run' : 'Plan only');
        return;
      }

      // 3. Change AWS, one checkpoint per change, so a resumed task skips what is done.
      if (plan.zone && plan.changes.length === 0) {
        ctx.logger.info(
          `${input.domainName} exists and is delegated; nothing to change`,
        );
        const { id, nameServers, callerReference } = plan.zone;
        reportZone(
          ctx,
          id,
          nameServers,
          callerReference === desired.callerReference,
        );
        writeChangeOutputs(ctx.output, [], names, 'done');
        return;
      }
      // Changes run in a session named after the user who asked; the
      // factory refuses a task without a user.
      const clients = await subdomainClients(clientFactory, {
        ...accounts,
        actor: { userEntityRef: ctx.user?.ref ?? '' },
      });
      const zone = await applySubdomainPlan(ctx, plan, {
        clients,
        desired,
        parentZoneId: observed.parentZoneId,
        zoneId: plan.zone?.id,
        comment: `${input.domainName} delegated from ${input.parentName} by Backstage task ${ctx.task.id}`,
        syncTimeoutMs: route53.syncTimeoutSeconds * 1000,
        signal: ctx.signal,
      });
      reportZone(
        ctx,
        zone.zoneId,
        plan.zone?.nameServers ??
          (await getNameServers(clients.workload, zone.zoneId)),
        zone.createdNow ||
          plan.zone?.callerReference === desired.callerReference,
      );
      writeChangeOutputs(ctx.output, changes, names, 'done');
    },
  });
}

/** The outputs that describe the zone once the run is done. */
function reportZone(
  ctx: Pick<ActionContext<any, any, 'v2'>, 'output'>,
  zoneId: string,
  nameServers: string[],
  created: boolean,
) {
  ctx.output('zoneId', zoneId);
  ctx.output('nameServers', nameServers);
  ctx.output('consoleUrl', consoleUrl(zoneId));
  ctx.output('created', created);
}

/** A dry-run's or plan-only run's outputs and log: what would change, nothing changed. */
function reportPlanOnly(
  ctx: Pick<ActionContext<any, any, 'v2'>, 'output' | 'logger'>,
  plan: SubdomainPlan,
  mode: 'Dry-run' | 'Plan only',
) {
  const planned = plan.changes.map(c => c.description);
  ctx.logger.info(
    planned.length
      ? `${mode}, nothing changed. Planned changes:\n- ${planned.join('\n- ')}`
      : `${mode}, nothing changed. The subdomain exists and is delegated.`,
  );
  ctx.output('zoneId', plan.zone?.id ?? '(created on the real run)');
  ctx.output('nameServers', plan.zone?.nameServers ?? []);
  ctx.output('consoleUrl', plan.zone ? consoleUrl(plan.zone.id) : '');
  ctx.output('created', false);
}

function consoleUrl(zoneId: string): string {
  return `https://us-east-1.console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/${zoneId}`;
}

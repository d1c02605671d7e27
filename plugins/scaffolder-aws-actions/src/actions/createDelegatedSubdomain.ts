import { Route53Client } from '@aws-sdk/client-route-53';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { awsPlatformSubdomainCreatePermission } from '@internal/backstage-plugin-aws-platform-common';
import type { AwsClientFactory } from '@internal/backstage-plugin-aws-platform-node';
import type { ActionsConfig } from '../actionsConfig';
import { authorizeChange } from '../lib/authorizeChange';
import { findAllowedParent, normalizeDomainName } from '../lib/dnsNames';
import { idempotencyToken } from '../lib/idempotency';
import { quoteInput } from '../lib/inputText';
import { resolveAccount } from '../lib/resolveAccount';
import {
  createPublicZone,
  findZonesByName,
  getNameServers,
  getNsRecord,
  sameNameServers,
  tagZone,
  upsertNsRecord,
  waitForInsync,
} from '../route53/route53Zones';
import { examples } from './createDelegatedSubdomain.examples';

/** Route 53 is global; its API is signed for us-east-1. */
const ROUTE53_REGION = 'us-east-1';
const MAX_USER_TAGS = 8;

/**
 * `aws-platform:route53:subdomain:create`: a public zone for a subdomain in
 * a workload account, delegated from its parent zone in the Network account
 * (the guide's procedure, section c). Safe to retry and to dry-run.
 * @public
 */
export function createDelegatedSubdomainAction(options: {
  config: ActionsConfig;
  clientFactory: AwsClientFactory;
  catalog: CatalogService;
  permissions: PermissionsService;
}) {
  const { config, clientFactory, catalog, permissions } = options;
  return createTemplateAction({
    id: 'aws-platform:route53:subdomain:create',
    description:
      'Creates a public Route 53 zone for a subdomain in a workload account and delegates it from the parent zone in the Network account (NS record, TTL 3600). Reuses an identical existing zone; safe to retry; supports dry-run.',
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
              'Fully qualified name of the subdomain, e.g. staging.example.com. It must be under a parent zone listed in scaffolder.awsPlatform.route53.parentZones.',
            ),
        account: z =>
          z
            .string()
            .min(1)
            .max(300)
            .describe(
              'The workload account that will hold the zone: its 12-digit id or its catalog entity, e.g. resource:default/sandbox-210987654321. It must be listed in scaffolder.awsPlatform.accounts.',
            ),
        tags: z =>
          z
            .record(z.string().max(256))
            .optional()
            .describe(
              `Tags for the new zone, at most ${MAX_USER_TAGS}, e.g. { owner: payments-team }. The action adds managed-by and backstage-task.`,
            ),
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
              'Whether this run created the zone (false when it existed)',
            ),
        plannedChanges: z =>
          z
            .array(z.string())
            .describe(
              'The AWS changes this run makes (or, in a dry-run, would make)',
            ),
      },
    },
    async handler(ctx) {
      // 1. Validate everything before any AWS call.
      const route53 = config.route53;
      if (!route53) {
        throw new InputError(
          'Delegated subdomains are not configured: set scaffolder.awsPlatform.route53 in the backend config',
        );
      }
      const domainName = normalizeDomainName(
        ctx.input.domainName,
        'domainName',
      );
      const parentName = findAllowedParent(domainName, route53.parentZones);
      const userTags = validateTags(ctx.input.tags ?? {});
      const credentials = await ctx.getInitiatorCredentials();
      const account = await resolveAccount(
        ctx.input.account,
        config.accounts,
        catalog,
        credentials,
      );
      await authorizeChange(
        permissions,
        credentials,
        awsPlatformSubdomainCreatePermission,
        [
          account,
          {
            accountId: route53.networkAccountId,
            name: 'Network',
            production: true,
          },
        ],
      );

      // 2. Read what exists: the parent in Network, the subdomain in the workload account.
      const [networkDns, workloadDns] = await Promise.all([
        clientFactory.createClient(Route53Client, {
          accountId: route53.networkAccountId,
          region: ROUTE53_REGION,
        }),
        clientFactory.createClient(Route53Client, {
          accountId: account.accountId,
          region: ROUTE53_REGION,
        }),
      ]);
      const parents = await findZonesByName(networkDns, parentName);
      const publicParents = parents.filter(zone => !zone.privateZone);
      if (publicParents.length === 0) {
        throw new InputError(
          parents.length > 0
            ? `The parent zone ${parentName} in the Network account is private; subdomains are delegated from public zones only`
            : `The Network account (${route53.networkAccountId}) has no public zone ${parentName}`,
        );
      }
      if (publicParents.length > 1) {
        throw new InputError(
          `The Network account has ${
            publicParents.length
          } public zones named ${parentName} (${publicParents
            .map(z => z.id)
            .join(', ')}); remove the duplicate before delegating from it`,
        );
      }
      const parent = publicParents[0];
      const existing = (await findZonesByName(workloadDns, domainName)).filter(
        z => !z.privateZone,
      );
      if (existing.length > 1) {
        throw new InputError(
          `Account ${account.name} already has ${
            existing.length
          } public zones named ${domainName} (${existing
            .map(z => z.id)
            .join(', ')}); remove the duplicates first`,
        );
      }
      const currentDelegation = await getNsRecord(
        networkDns,
        parent.id,
        domainName,
      );
      const existingNameServers = existing[0]
        ? await getNameServers(workloadDns, existing[0].id)
        : undefined;
      const tags = {
        ...userTags,
        'managed-by': 'backstage',
        'backstage-task': ctx.task.id,
      };

      const plannedChanges = [
        ...(existing[0]
          ? []
          : [
              `Create public hosted zone ${domainName} in account ${account.name} (${account.accountId})`,
            ]),
        ...(existingNameServers &&
        sameNameServers(existingNameServers, currentDelegation)
          ? []
          : [
              `Upsert NS record ${domainName} (TTL ${route53.ttl}) in zone ${parentName} (${parent.id}) of the Network account`,
            ]),
        `Tag the ${domainName} zone with ${Object.keys(tags).join(', ')}`,
      ];
      ctx.output('plannedChanges', plannedChanges);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry-run, nothing changed. Planned changes:\n- ${plannedChanges.join(
            '\n- ',
          )}`,
        );
        ctx.output('domainName', domainName);
        ctx.output('parentZoneId', parent.id);
        ctx.output('zoneId', existing[0]?.id ?? '(created on the real run)');
        ctx.output('nameServers', existingNameServers ?? []);
        ctx.output('consoleUrl', existing[0] ? consoleUrl(existing[0].id) : '');
        ctx.output('created', false);
        return;
      }

      // 3. Change AWS, each step checkpointed so a resumed task skips what is done.
      const zoneToken = idempotencyToken(
        ctx.task.id,
        `route53.zone.create:${domainName}`,
      );
      const done: string[] = [];
      try {
        const zone = existing[0]
          ? {
              zoneId: existing[0].id,
              // A resumed task finds the zone its killed run created.
              created: existing[0].callerReference === zoneToken,
            }
          : await ctx.checkpoint({
              key: `route53.zone.create:${domainName}`,
              fn: async () => {
                ctx.logger.info(
                  `Creating public hosted zone ${domainName} in account ${account.name}`,
                );
                const created = await createPublicZone(workloadDns, {
                  name: domainName,
                  callerReference: zoneToken,
                  comment: `Delegated from ${parentName} by Backstage task ${ctx.task.id}`,
                });
                if (created.changeId) {
                  await waitForInsync(workloadDns, created.changeId, {
                    timeoutMs: route53.syncTimeoutSeconds * 1000,
                    signal: ctx.signal,
                  });
                }
                return { zoneId: created.zoneId, created: true };
              },
            });
        done.push(
          `zone ${zone.zoneId} ${
            zone.created ? 'created' : 'already existed'
          } in account ${account.accountId}`,
        );

        const nameServers = await getNameServers(workloadDns, zone.zoneId);
        if (nameServers.length === 0) {
          throw new Error(
            `Route 53 returned no name servers for zone ${zone.zoneId}`,
          );
        }
        await ctx.checkpoint({
          key: `route53.delegation.upsert:${domainName}`,
          fn: async () => {
            const current = await getNsRecord(
              networkDns,
              parent.id,
              domainName,
            );
            if (sameNameServers(current, nameServers)) {
              ctx.logger.info(
                `The NS record for ${domainName} in ${parentName} is already correct`,
              );
              return;
            }
            ctx.logger.info(
              `Writing the NS record for ${domainName} into ${parentName} (${parent.id})`,
            );
            const changeId = await upsertNsRecord(networkDns, {
              zoneId: parent.id,
              name: domainName,
              nameServers,
              ttl: route53.ttl,
              comment: `Delegation of ${domainName} by Backstage task ${ctx.task.id}`,
            });
            await waitForInsync(networkDns, changeId, {
              timeoutMs: route53.syncTimeoutSeconds * 1000,
              signal: ctx.signal,
            });
          },
        });
        done.push(
          `NS record ${domainName} in ${parentName} points at the zone`,
        );

        await ctx.checkpoint({
          key: `route53.zone.tag:${domainName}`,
          fn: () => tagZone(workloadDns, zone.zoneId, tags),
        });
        done.push('zone tagged');

        ctx.output('zoneId', zone.zoneId);
        ctx.output('domainName', domainName);
        ctx.output('nameServers', nameServers);
        ctx.output('parentZoneId', parent.id);
        ctx.output('consoleUrl', consoleUrl(zone.zoneId));
        ctx.output('created', zone.created);
        ctx.logger.info(`Delegated ${domainName}: ${done.join('; ')}`);
      } catch (error) {
        ctx.logger.error(
          `Stopped while delegating ${domainName}. Done so far: ${
            done.length ? done.join('; ') : 'nothing'
          }. Running the task again resumes from here and creates nothing twice.`,
        );
        throw error;
      }
    },
  });
}

function validateTags(tags: unknown): Record<string, string> {
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) {
    throw new InputError('tags must be an object of tag keys to values');
  }
  const keys = Object.keys(tags);
  if (keys.length > MAX_USER_TAGS) {
    throw new InputError(
      `At most ${MAX_USER_TAGS} tags may be given; got ${keys.length}`,
    );
  }
  for (const key of keys) {
    if (
      !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(key) ||
      key.startsWith('aws:')
    ) {
      throw new InputError(
        `Tag key ${quoteInput(key)} is not a valid AWS tag key`,
      );
    }
    const value = (tags as Record<string, unknown>)[key];
    if (
      typeof value !== 'string' ||
      !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u.test(value)
    ) {
      throw new InputError(
        `The value of tag ${quoteInput(key)} is not a valid AWS tag value`,
      );
    }
  }
  return tags as Record<string, string>;
}

function consoleUrl(zoneId: string): string {
  return `https://us-east-1.console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/${zoneId}`;
}

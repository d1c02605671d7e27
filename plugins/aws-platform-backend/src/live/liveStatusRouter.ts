import { BackupClient } from '@aws-sdk/client-backup';
import { EKSClient } from '@aws-sdk/client-eks';
import { Route53Client } from '@aws-sdk/client-route-53';
import type {
  BackstageCredentials,
  CacheService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  awsPlatformLiveStatusReadPermission,
  LiveBackupActivity,
  LiveClusterStatus,
  LiveZoneDelegation,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  AwsClientFactory,
  describeAwsError,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import express from 'express';
import Router from 'express-promise-router';
import { ROUTE53_REGION } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { httpErrorOf } from './awsFailures';
import { backupActivity } from './backup/backupActivity';
import { readBackupActivity } from './backup/readBackupActivity';
import { clusterLiveStatus } from './cluster/clusterLiveStatus';
import { readClusterLive } from './cluster/readClusterLive';
import { CacheLease, LEASE_MS, LEASE_SETTLE_MS } from './cacheLease';
import { CoalescingCache } from './coalescingCache';
import type { LiveStatusConfig } from './liveStatusConfig';
import {
  backupTargetOf,
  clusterTargetOf,
  parseRequestedRef,
  zoneTargetOf,
} from './liveTargets';
import {
  NsRecord,
  readNsRecord,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { ParentReading, zoneDelegation } from './zone/zoneDelegation';

/** Bumped when a cached answer's shape changes, so old entries are not read. */
const CACHE_PREFIX = 'live-status:v1';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Dependencies of {@link createLiveStatusRouter}. */
export interface LiveStatusRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  clientFactory: AwsClientFactory;
  cache: CacheService;
  logger: LoggerService;
  config: LiveStatusConfig;
  /** The time answers are stamped with; tests fix it. */
  now?: () => Date;
}

/** A cached NS lookup; `null` is "no such record", which is an answer too. */
type NsLookup = { readAt: string; record: NsRecord | null };

/**
 * The live status endpoints, keyed by entity ref:
 *
 * - `GET /live/clusters?entityRef=…`: an EKS cluster's node groups, add-ons
 *   and upgrade insights ({@link LiveClusterStatus});
 * - `GET /live/zones?entityRef=…`: a hosted zone's delegation check
 *   ({@link LiveZoneDelegation});
 * - `GET /live/backups?entityRef=…`: a backup vault's or plan's recent jobs,
 *   copy jobs and recovery points ({@link LiveBackupActivity}).
 *
 * Every request: a user's credentials (else 401), a well-formed entityRef
 * (else 400), the `aws-platform.live-status.read` permission for that
 * entity (a `catalog-entity` resource permission; else 403, before this
 * route reads the catalog or AWS), the entity read from the catalog with the
 * caller's credentials (unknown or not visible: 404), an entity of the
 * endpoint's type that the suite ingested (else 400). AWS answers are cached per
 * resource for `awsPlatform.liveStatus.cacheTtl`.
 */
export function createLiveStatusRouter(
  options: LiveStatusRouterOptions,
): express.Router {
  const { httpAuth, permissions, catalog, clientFactory, logger, config } =
    options;
  const now = options.now ?? (() => new Date());
  const cache = new CoalescingCache({
    cache: options.cache,
    ttlMs: config.cacheTtlMs,
    logger,
    lease: config.coalesceAcrossReplicas
      ? new CacheLease({
          cache: options.cache,
          settleMs: LEASE_SETTLE_MS,
          leaseMs: LEASE_MS,
        })
      : undefined,
  });
  const router = Router();

  /**
   * 401, 400 for a missing or malformed ref, 403, then 404; returns the
   * entity to serve. The permission is authorized against the entity's ref,
   * so a conditional decision (e.g. owners only) is resolved by the catalog
   * before this route reads the entity.
   */
  async function requestedEntity(req: express.Request): Promise<{
    entityRef: string;
    entity: Entity;
    credentials: BackstageCredentials;
  }> {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = parseRequestedRef(req.query.entityRef);
    const [decision] = await permissions.authorize(
      [
        {
          permission: awsPlatformLiveStatusReadPermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not read the live AWS status of ${entityRef} (permission ${awsPlatformLiveStatusReadPermission.name})`,
      );
    }
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return { entityRef, entity, credentials };
  }

  /**
   * Runs an AWS read in `scope` (`eks:<account>:<region>` and so on); a
   * failure is logged here in full and answered as 404 or 503 without AWS's
   * message.
   */
  async function readAws<T>(
    what: string,
    scope: string,
    entityRef: string,
    read: () => Promise<T>,
  ): Promise<T> {
    try {
      return await read();
    } catch (error) {
      logger.warn(`Live status: could not read ${what} in ${scope}`, {
        entityRef,
        ...describeAwsError(error),
      });
      throw httpErrorOf(error, what, scope);
    }
  }

  router.get('/live/clusters', async (req, res) => {
    const { entityRef, entity } = await requestedEntity(req);
    const target = clusterTargetOf(entity);
    const body = await cache.getOrRead(
      `${CACHE_PREFIX}:cluster:${target.accountId}:${target.region}:${target.name}`,
      () =>
        readAws(
          `EKS cluster ${target.name}`,
          `eks:${target.accountId}:${target.region}`,
          entityRef,
          async () => {
            const eks = await clientFactory.createClient(EKSClient, {
              accountId: target.accountId,
              region: target.region,
            });
            return clusterLiveStatus(
              target,
              await readClusterLive(eks, target.name),
              now(),
            );
          },
        ),
    );
    const answer: LiveClusterStatus = { entityRef, ...body };
    res.json(answer);
  });

  router.get('/live/zones', async (req, res) => {
    const { entityRef, entity, credentials } = await requestedEntity(req);
    const { zone, parentRef } = zoneTargetOf(entity);

    // Each NS lookup is cached on its own: the zone's apex record, and the
    // parent's record for it (which other zones' answers do not share).
    const lookup = (accountId: string, zoneId: string, name: string) =>
      cache.getOrRead<NsLookup>(
        `${CACHE_PREFIX}:ns:${accountId}:${zoneId}:${name}`,
        () =>
          readAws(
            `NS record ${name} in hosted zone ${zoneId}`,
            `route53:${accountId}`,
            entityRef,
            async () => {
              const route53 = await clientFactory.createClient(Route53Client, {
                accountId,
                region: ROUTE53_REGION,
              });
              const record = await readNsRecord(route53, zoneId, name);
              return { readAt: now().toISOString(), record: record ?? null };
            },
          ),
      );

    let parentTarget: ReturnType<typeof zoneTargetOf>['zone'] | undefined;
    let parent: ParentReading = { kind: 'none' };
    if (parentRef) {
      // Read as the caller: a parent zone they may not see stays unknown.
      const parentEntity = await catalog.getEntityByRef(parentRef, {
        credentials,
      });
      if (parentEntity) {
        parentTarget = zoneTargetOf(parentEntity).zone;
      } else {
        parent = { kind: 'not-visible', entityRef: parentRef };
      }
    }
    const [apex, delegation] = await Promise.all([
      lookup(zone.accountId, zone.id, zone.name),
      parentTarget &&
        lookup(parentTarget.accountId, parentTarget.id, zone.name),
    ]);
    if (parentTarget && delegation) {
      parent = {
        kind: 'read',
        entityRef: parentRef!,
        zone: parentTarget,
        record: delegation.record ?? undefined,
      };
    }
    // The answer is as old as its older lookup.
    const readAt = [apex.readAt, delegation?.readAt ?? apex.readAt].sort()[0];
    const answer: LiveZoneDelegation = {
      entityRef,
      ...zoneDelegation(
        zone,
        apex.record ?? undefined,
        parent,
        new Date(readAt),
      ),
    };
    res.json(answer);
  });

  router.get('/live/backups', async (req, res) => {
    const { entityRef, entity } = await requestedEntity(req);
    const target = backupTargetOf(entity);
    const { backupDays: days, backupMaxItems: maxItems } = config;
    const resource =
      target.kind === 'vault'
        ? `vault:${target.name}`
        : `plan:${target.id}:${target.vaultNames.join(',')}`;
    const what =
      target.kind === 'vault'
        ? `backup vault ${target.name}`
        : `backup plan ${target.id}`;
    const body = await cache.getOrRead(
      `${CACHE_PREFIX}:backup:${target.accountId}:${target.region}:${resource}:${days}:${maxItems}`,
      () =>
        readAws(
          what,
          `backup:${target.accountId}:${target.region}`,
          entityRef,
          async () => {
            const readAt = now();
            const since = new Date(readAt.getTime() - days * DAY_MS);
            const client = await clientFactory.createClient(BackupClient, {
              accountId: target.accountId,
              region: target.region,
            });
            return backupActivity(
              target,
              await readBackupActivity(client, target, since),
              { since, days, maxItems },
              readAt,
            );
          },
        ),
    );
    const answer: LiveBackupActivity = { entityRef, ...body };
    res.json(answer);
  });

  return router;
}

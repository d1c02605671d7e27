import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_INGESTION_SCOPE,
  IDENTITY_CENTER_SCOPE,
  IngestionScopeFailure,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { describeAwsError } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { MappingContext } from '../resources/mappingContext';
import type { IdentityCenterConfig } from './identityCenterConfig';
import { identityCenterToEntities } from './identityCenterEntities';
import type { IdentityCenterSnapshot } from './types';
import { transformPrincipals } from './transformPrincipals';
import type { EntityTransformers } from '../ingestion/applyTransformers';

/** Reads Identity Center; see readIdentityCenter. */
export type ReadIdentityCenter = (options: {
  region: string;
  candidateAccountIds: string[];
  instanceArn?: string;
  accountIds: string[];
  concurrency: number;
}) => Promise<IdentityCenterSnapshot>;

/** This run's Identity Center entities, or the scope's failure. */
export type IdentityCenterOutcome =
  | { read: false }
  | { read: true; entities: Entity[] }
  | { read: true; failure: IngestionScopeFailure };

/**
 * Reads and maps the `identity-center` scope when it is configured. A
 * failed read is reported as the scope's failure: the caller then keeps the
 * scope's entities of the last good run, as for any other scope.
 */
export async function readIdentityCenterScope(options: {
  config: IdentityCenterConfig | undefined;
  read: ReadIdentityCenter | undefined;
  ctx: MappingContext;
  managementAccountId: string;
  /** The active accounts whose assignments are read. */
  accountIds: string[];
  concurrency: number;
  defaultOwner: string;
  /** Adopters' user and group transformers (others are ignored here). */
  transformers?: EntityTransformers;
}): Promise<IdentityCenterOutcome> {
  const { config, read, ctx } = options;
  if (!config || !read) return { read: false };
  const identityAccounts = [...ctx.accounts.values()]
    .filter(account => account.role === 'identity')
    .map(account => account.id);
  const candidateAccountIds = config.accountId
    ? [config.accountId]
    : [...new Set([...identityAccounts, options.managementAccountId])];
  try {
    const snapshot = await read({
      region: config.region,
      candidateAccountIds,
      instanceArn: config.instanceArn,
      accountIds: options.accountIds,
      concurrency: options.concurrency,
    });
    return {
      read: true,
      entities: await transformPrincipals(
        identityCenterToEntities(snapshot, ctx, {
          defaultOwner: options.defaultOwner,
        }),
        options.transformers ?? new Map(),
      ),
    };
  } catch (error) {
    return {
      read: true,
      failure: { scope: IDENTITY_CENTER_SCOPE, ...describeAwsError(error) },
    };
  }
}

/** Whether an entity belongs to the `identity-center` scope. */
export function isIdentityCenterEntity(entity: Entity): boolean {
  return (
    entity.metadata.annotations?.[ANNOTATION_INGESTION_SCOPE] ===
    IDENTITY_CENTER_SCOPE
  );
}

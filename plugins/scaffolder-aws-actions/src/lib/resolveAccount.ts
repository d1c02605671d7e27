import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_AWS_ACCOUNT_ID } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AllowedAccount } from '../actionsConfig';
import { quoteInput, requireText } from './inputText';

/**
 * Resolves a template's account choice, a 12-digit id or the catalog entity
 * of the account, to an allowlisted account. The catalog is read with the
 * user's credentials; the allowlist in config decides, so an entity someone
 * registered by hand cannot widen what the actions may change.
 */
export async function resolveAccount(
  choice: unknown,
  allowed: AllowedAccount[],
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<AllowedAccount> {
  let accountId = requireText(choice, 'account').trim();
  if (!/^\d{12}$/.test(accountId)) {
    let ref;
    try {
      ref = parseEntityRef(accountId, {
        defaultKind: 'resource',
        defaultNamespace: 'default',
      });
    } catch {
      throw new InputError(
        `${quoteInput(
          choice,
        )} is neither an AWS account id nor an entity reference`,
      );
    }
    const entity = await catalog.getEntityByRef(ref, { credentials });
    const annotated = entity?.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
    if (!annotated) {
      throw new InputError(
        `${quoteInput(choice)} is not an AWS account entity in the catalog`,
      );
    }
    accountId = annotated;
  }
  const account = allowed.find(a => a.accountId === accountId);
  if (!account) {
    throw new InputError(
      `AWS account ${accountId} is not one the scaffolder may change (scaffolder.awsPlatform.accounts)`,
    );
  }
  return account;
}

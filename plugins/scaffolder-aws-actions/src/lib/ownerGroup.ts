import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { quoteInput, requireText } from './inputText';

const MAX_REF_LENGTH = 200;

/**
 * Resolves a template's owner choice (the OwnerPicker's entity ref, e.g.
 * `group:default/payments`; a bare name means a group in `default`) to the
 * ref of a catalog `Group`, read with the user's credentials. Anything else,
 * a user, another kind or a group the user cannot see, is an InputError
 * naming `field`. The returned ref is what the actions write as the owner
 * tag and put in a resource's lineage.
 */
export async function resolveOwnerGroup(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  ref: unknown,
  field: string,
): Promise<string> {
  const text = requireText(ref, field).trim();
  // kind:namespace/name, each at most 63 characters in the catalog.
  if (text.length > MAX_REF_LENGTH) {
    throw new InputError(
      `${field} ${quoteInput(ref)} is longer than an entity reference can be`,
    );
  }
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(text, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `${field} ${quoteInput(ref)} is not an entity reference`,
    );
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `${field} ${quoteInput(
        ref,
      )} is not a group; choose the team that owns it`,
    );
  }
  const entity = await catalog.getEntityByRef(parsed, { credentials });
  if (!entity || entity.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `${field} ${quoteInput(ref)} is not a Group in the catalog`,
    );
  }
  return stringifyEntityRef(entity);
}

import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The config key that lists the platform team's groups. */
export const PLATFORM_GROUPS_CONFIG_KEY =
  'awsPlatform.permissions.platformGroups';

/**
 * Reads the groups whose members may do everything in the portal, as full
 * entity refs (`group:default/platform-team`). A bare name means a group in
 * the default namespace. An empty list is allowed: then nobody holds the
 * platform-only permissions.
 */
export function readPlatformGroups(config: Config): string[] {
  const refs = config.getOptionalStringArray(PLATFORM_GROUPS_CONFIG_KEY) ?? [];
  return refs.map(ref => toGroupRef(ref));
}

function toGroupRef(ref: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(ref, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `${PLATFORM_GROUPS_CONFIG_KEY}: "${ref}" is not an entity ref`,
      error,
    );
  }
  // Ownership refs name groups (and the user); another kind here is a typo
  // that would silently grant nothing.
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `${PLATFORM_GROUPS_CONFIG_KEY}: "${ref}" is not a group`,
    );
  }
  return stringifyEntityRef(parsed);
}

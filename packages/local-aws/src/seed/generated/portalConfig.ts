import type { GeneratedEstatePlan } from './estatePlanTypes.ts';

/**
 * The portal's config for a generated estate, as `APP_CONFIG_` variables
 * over app-config.yaml: the estate's two regions, Identity Center in the
 * first (where it was seeded), and the company's platform group as the
 * default owner. Values are JSON, as Backstage reads them.
 */
export function portalConfigEnv(
  plan: GeneratedEstatePlan,
): Record<string, string> {
  const provider = 'APP_CONFIG_catalog_providers_awsPlatform';
  return {
    [`${provider}_regions`]: JSON.stringify(plan.regions),
    [`${provider}_identityCenter_region`]: JSON.stringify(plan.regions[0]),
    [`${provider}_defaultOwner`]: JSON.stringify(
      `group:default/${plan.platformGroup}`,
    ),
  };
}

import { generateEstatePlan } from './generateEstatePlan.ts';
import { portalConfigEnv } from './portalConfig.ts';

describe('portalConfigEnv', () => {
  it('points the portal at the estate’s regions, Identity Center region and platform group, as JSON', () => {
    const plan = generateEstatePlan(3);
    const env = portalConfigEnv(plan);
    const provider = 'APP_CONFIG_catalog_providers_awsPlatform';
    expect(JSON.parse(env[`${provider}_regions`])).toEqual(plan.regions);
    expect(JSON.parse(env[`${provider}_identityCenter_region`])).toBe(
      plan.regions[0],
    );
    expect(JSON.parse(env[`${provider}_defaultOwner`])).toBe(
      `group:default/${plan.platformGroup}`,
    );
    expect(Object.keys(env)).toHaveLength(3);
  });
});

import { LandingZoneRecord } from './types';

const ACCOUNT_ID = /^\d{12}$/;

/**
 * The accounts and regions a Control Tower landing zone manifest (the
 * `manifest` document GetLandingZone answers) names: `centralizedLogging`
 * is the log archive, `securityRoles` the Audit account. Fields that are
 * missing or not account ids are left out rather than guessed.
 */
export function landingZoneFromManifest(manifest: unknown): LandingZoneRecord {
  const doc = asObject(manifest);
  const regions = doc.governedRegions;
  return {
    ...accountIdAt(doc.centralizedLogging, 'logArchiveAccountId'),
    ...accountIdAt(doc.securityRoles, 'auditAccountId'),
    governedRegions: Array.isArray(regions)
      ? regions.filter((r): r is string => typeof r === 'string')
      : [],
  };
}

function accountIdAt<K extends string>(
  section: unknown,
  key: K,
): Partial<Record<K, string>> {
  const accountId = asObject(section).accountId;
  return typeof accountId === 'string' && ACCOUNT_ID.test(accountId)
    ? ({ [key]: accountId } as Record<K, string>)
    : {};
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

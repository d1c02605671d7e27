import {
  collectRoleEvidence,
  RoleContext,
  RoleSubject,
} from './collectRoleEvidence';
import { resolveAccountRole, RoleResolution } from './resolveAccountRole';

export type { RoleContext, RoleSubject } from './collectRoleEvidence';
export type { RoleSource, RoleConfidence, RoleEvidence } from './roleEvidence';
export type { RoleResolution } from './resolveAccountRole';

/**
 * The account's role in the guide's architecture, from the strongest
 * evidence AWS and the configuration hold: a config override, the role tag,
 * the management account id, the Control Tower landing zone, the services
 * it is delegated administrator of, what it holds (zones it delegates to
 * other accounts, vaults others copy into, repositories others pull from),
 * the OUs it sits in, the words of its name; else `workload`.
 */
export function deriveAccountRole(
  account: RoleSubject,
  context: RoleContext,
): RoleResolution {
  return resolveAccountRole(collectRoleEvidence(account, context));
}

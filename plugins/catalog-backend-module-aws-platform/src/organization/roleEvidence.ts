import type { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * Where an account's role came from, strongest first. The order is the
 * order in which the resolver trusts the evidence.
 */
export const ROLE_SOURCES = [
  'config',
  'tag',
  'management',
  'landing-zone',
  'delegated-admin',
  'holdings',
  'ou',
  'name',
  'default',
] as const;

/** Where an account's role came from. */
export type RoleSource = (typeof ROLE_SOURCES)[number];

/** How sure the suite is of an account's role. */
export type RoleConfidence = 'high' | 'medium' | 'low';

/** One fact that points an account at a role. */
export interface RoleEvidence {
  role: AccountRole;
  source: RoleSource;
  /** What the fact was, for people: e.g. `delegated admin of sso.amazonaws.com`. */
  detail: string;
}

// Facts a person or AWS itself set for this purpose are high; facts that
// only suggest the role (services administered, what the account holds,
// folder and account names) are medium or low.
const CONFIDENCE_BY_SOURCE: Record<RoleSource, RoleConfidence> = {
  config: 'high',
  tag: 'high',
  management: 'high',
  'landing-zone': 'high',
  'delegated-admin': 'medium',
  holdings: 'medium',
  ou: 'medium',
  name: 'low',
  default: 'low',
};

/** How far a source of evidence can be trusted on its own. */
export function confidenceOf(source: RoleSource): RoleConfidence {
  return CONFIDENCE_BY_SOURCE[source];
}

/** Orders evidence strongest first, for `Array.prototype.sort`. */
export function byStrength(a: RoleEvidence, b: RoleEvidence): number {
  return ROLE_SOURCES.indexOf(a.source) - ROLE_SOURCES.indexOf(b.source);
}

import type { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  byStrength,
  confidenceOf,
  RoleConfidence,
  RoleEvidence,
  RoleSource,
} from './roleEvidence';

/** The role an account is given, why, and what disagreed. */
export interface RoleResolution {
  role: AccountRole;
  source: RoleSource;
  confidence: RoleConfidence;
  /** Evidence that pointed at another role and lost to a stronger fact. */
  conflicts: RoleEvidence[];
}

/**
 * Picks the role of the strongest evidence, `workload` when there is none.
 * Disagreeing evidence is kept, never hidden, and lowers the confidence
 * when it is as strong as the winner; agreeing evidence from another
 * source raises a medium confidence to high.
 */
export function resolveAccountRole(evidence: RoleEvidence[]): RoleResolution {
  const [strongest] = [...evidence].sort(byStrength);
  if (!strongest) {
    return {
      role: 'workload',
      source: 'default',
      confidence: 'low',
      conflicts: [],
    };
  }
  const conflicts = evidence.filter(e => e.role !== strongest.role);
  const agrees = evidence.some(
    e => e.role === strongest.role && e.source !== strongest.source,
  );
  return {
    role: strongest.role,
    source: strongest.source,
    confidence: adjustConfidence(
      confidenceOf(strongest.source),
      conflicts.some(c => c.source === strongest.source),
      agrees && conflicts.length === 0,
    ),
    conflicts,
  };
}

function adjustConfidence(
  base: RoleConfidence,
  contradictedAsStrongly: boolean,
  corroborated: boolean,
): RoleConfidence {
  if (contradictedAsStrongly) {
    return base === 'high' ? 'medium' : 'low';
  }
  return corroborated && base === 'medium' ? 'high' : base;
}

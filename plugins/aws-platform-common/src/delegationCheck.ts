import { normalizeDnsName } from './dnsName';

/**
 * The outcome of comparing a parent's NS record with the child's servers.
 *
 * @public
 */
export interface DelegationCheck {
  status: 'in-sync' | 'drift' | 'not-delegated';
  /** Child name servers absent from the parent's record. */
  missing: string[];
  /** Values of the parent's record that are not child name servers. */
  extra: string[];
}

/**
 * Compares the parent zone's NS record for a child (undefined when the
 * parent has none) with the child's own name servers, ignoring case, order
 * and trailing dots. Without a record every child server counts as missing,
 * which is what an operator would have to add.
 *
 * @public
 */
export function checkDelegation(
  parentRecord: readonly string[] | undefined,
  childNameServers: readonly string[],
): DelegationCheck {
  const child = unique(childNameServers);
  if (!parentRecord) {
    return { status: 'not-delegated', missing: child, extra: [] };
  }
  const parent = unique(parentRecord);
  const missing = child.filter(server => !parent.includes(server));
  const extra = parent.filter(server => !child.includes(server));
  return {
    status: missing.length === 0 && extra.length === 0 ? 'in-sync' : 'drift',
    missing,
    extra,
  };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names.map(normalizeDnsName))];
}

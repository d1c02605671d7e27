import type { ScopeChange } from '../eventChange';

/** A Route 53 scope change of an account, as changeOfEvent maps one. */
export function route53Change(
  accountId: string,
  named: Pick<ScopeChange, 'delegatedNames' | 'zones'> & {
    delegation?: boolean;
  } = {},
): ScopeChange {
  return {
    kind: 'scope',
    key: `route53:${accountId}`,
    service: 'route53',
    accountId,
    delegation: named.delegation ?? true,
    ...(named.delegatedNames && { delegatedNames: named.delegatedNames }),
    ...(named.zones && { zones: named.zones }),
  };
}

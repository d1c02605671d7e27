import {
  AccountFinding,
  AccountRole,
  ACCOUNT_ROLE_IDS,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { AccountMapModel } from './mapModel';

/** Totals of the accounts an OU holds, itself and below, that pass the filter. */
export interface GroupSummary {
  /** Accounts in the OU and below. */
  accounts: number;
  /** Accounts directly in the OU. */
  directAccounts: number;
  /** Accounts by role, in the guide's order, only roles present. */
  roles: Array<[AccountRole, number]>;
  /** Accounts with at least one finding. */
  attention: number;
  findings: Partial<Record<AccountFinding, number>>;
  clusters: number;
  zones: number;
  vaults: number;
}

/**
 * Sums every group's visible accounts bottom-up. A group with no visible
 * account gets no entry, except when `keepEmpty` (no filter active: empty
 * OUs are part of the organization and stay on the map).
 */
export function summarizeGroups(
  model: AccountMapModel,
  visible: ReadonlySet<string>,
  options: { keepEmpty: boolean },
): Map<string, GroupSummary> {
  const summaries = new Map<string, GroupSummary>();
  const visit = (groupId: string): GroupSummary => {
    const group = model.groups.get(groupId)!;
    const roles = new Map<AccountRole, number>();
    const summary: GroupSummary = {
      accounts: 0,
      directAccounts: 0,
      roles: [],
      attention: 0,
      findings: {},
      clusters: 0,
      zones: 0,
      vaults: 0,
    };
    for (const ref of group.accountRefs) {
      if (!visible.has(ref)) continue;
      const account = model.accounts.get(ref)!;
      summary.directAccounts++;
      roles.set(account.role, (roles.get(account.role) ?? 0) + 1);
      if (account.findings.length > 0) summary.attention++;
      for (const finding of account.findings) {
        summary.findings[finding] = (summary.findings[finding] ?? 0) + 1;
      }
      summary.clusters += account.summary?.clusters ?? 0;
      summary.zones += account.summary?.zones ?? 0;
      summary.vaults += account.summary?.vaults ?? 0;
    }
    summary.accounts = summary.directAccounts;
    for (const childId of group.childIds) {
      const child = visit(childId);
      if (child.accounts === 0 && !options.keepEmpty) continue;
      summary.accounts += child.accounts;
      summary.attention += child.attention;
      summary.clusters += child.clusters;
      summary.zones += child.zones;
      summary.vaults += child.vaults;
      for (const [role, count] of child.roles) {
        roles.set(role, (roles.get(role) ?? 0) + count);
      }
      for (const [finding, count] of Object.entries(child.findings)) {
        const key = finding as AccountFinding;
        summary.findings[key] = (summary.findings[key] ?? 0) + count;
      }
    }
    summary.roles = ACCOUNT_ROLE_IDS.filter(role => roles.has(role)).map(
      role => [role, roles.get(role)!],
    );
    if (summary.accounts > 0 || options.keepEmpty) {
      summaries.set(groupId, summary);
    }
    return summary;
  };
  for (const rootId of model.rootIds) visit(rootId);
  return summaries;
}

import { AccountRole } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { AccountMapModel, groupPath } from './mapModel';

/** What the map's toolbar filters by; empty values match everything. */
export interface MapFilter {
  /** Words that must all appear in the account's title, name, id, owner or role. */
  query: string;
  role: AccountRole | '';
  /** An OU path: the accounts of that OU and the OUs below it. */
  groupId: string;
  /** An owner entity ref. */
  owner: string;
  /** Only accounts with findings. */
  attentionOnly: boolean;
}

/** A filter that shows every account. */
export const NO_MAP_FILTER: MapFilter = {
  query: '',
  role: '',
  groupId: '',
  owner: '',
  attentionOnly: false,
};

/** Whether the filter hides anything. */
export function isFilterActive(filter: MapFilter): boolean {
  return Boolean(
    filter.query.trim() ||
      filter.role ||
      filter.groupId ||
      filter.owner ||
      filter.attentionOnly,
  );
}

/** The refs of the accounts the filter lets through, in map order. */
export function filterAccounts(
  model: AccountMapModel,
  filter: MapFilter,
): Set<string> {
  const words = filter.query
    .toLocaleLowerCase('en-US')
    .split(/\s+/)
    .filter(Boolean);
  const inGroup = filter.groupId
    ? (groupId: string) => groupPath(model, groupId).includes(filter.groupId)
    : () => true;
  const groupMatches = new Map<string, boolean>();
  const visible = new Set<string>();
  for (const account of model.accounts.values()) {
    if (filter.role && account.role !== filter.role) continue;
    if (filter.owner && account.owner !== filter.owner) continue;
    if (filter.attentionOnly && account.findings.length === 0) continue;
    if (!words.every(word => account.searchText.includes(word))) continue;
    let matches = groupMatches.get(account.groupId);
    if (matches === undefined) {
      matches = inGroup(account.groupId);
      groupMatches.set(account.groupId, matches);
    }
    if (matches) visible.add(account.ref);
  }
  return visible;
}

/** Distinct owners of the model's accounts, sorted by name. */
export function ownersOf(
  model: AccountMapModel,
): Array<{ ref: string; name: string }> {
  const owners = new Map<string, string>();
  for (const account of model.accounts.values()) {
    if (account.owner) owners.set(account.owner, account.ownerName);
  }
  return [...owners]
    .map(([ref, name]) => ({ ref, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.ref.localeCompare(b.ref));
}

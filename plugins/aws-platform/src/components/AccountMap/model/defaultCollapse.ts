import { GroupSummary } from './groupSummaries';
import { AccountMapModel } from './mapModel';

/** An OU with more accounts than this directly in it starts collapsed. */
export const LARGE_OU_ACCOUNTS = 40;

/** Account tiles the map shows expanded before it collapses further OUs. */
export const EXPANDED_TILE_BUDGET = 160;

/**
 * Which OUs start collapsed. Breadth first from the root, an OU stays open
 * while its own accounts fit in what is left of the tile budget and it is
 * not large; so a small organization opens completely and a 1,000-account
 * OU shows as one box with its counts. OUs in `forceOpen` (the path to the
 * account or OU an entity page focuses on) always open.
 */
export function defaultCollapsedGroups(
  model: AccountMapModel,
  summaries: ReadonlyMap<string, GroupSummary>,
  options: {
    forceOpen?: ReadonlySet<string>;
    budget?: number;
    largeOu?: number;
  } = {},
): Set<string> {
  const forceOpen = options.forceOpen ?? new Set<string>();
  const largeOu = options.largeOu ?? LARGE_OU_ACCOUNTS;
  let budget = options.budget ?? EXPANDED_TILE_BUDGET;
  const collapsed = new Set<string>();

  const queue = [...model.rootIds];
  const local: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const summary = summaries.get(id);
    if (!summary) continue;
    const own = summary.directAccounts;
    const open = forceOpen.has(id) || (own <= largeOu && own <= budget);
    const children = model.groups.get(id)!.childIds;
    if (open) {
      budget -= own;
      queue.push(...children);
    } else {
      collapsed.add(id);
      // Hidden until the user opens this one: they get the local rule only.
      local.push(...children);
    }
  }
  while (local.length > 0) {
    const id = local.pop()!;
    const summary = summaries.get(id);
    if (!summary) continue;
    if (!forceOpen.has(id) && summary.directAccounts > largeOu) {
      collapsed.add(id);
    }
    local.push(...model.groups.get(id)!.childIds);
  }
  return collapsed;
}

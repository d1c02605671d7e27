import { AccountFlowType } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { MapLayout } from './mapLayout';
import { AccountMapModel, groupPath, MapAccount } from './mapModel';
import {
  FLOW_TYPES,
  groupNode,
  isBrokenFlow,
  MAP_FLOWS,
  MapEdge,
  MapNodeId,
} from './mapFlows';

/**
 * One line of the map at rest: every flow, of any shown type, from the
 * accounts of one OU box to those of another. Its label names the ends, e.g.
 * "12 accounts → Log Archive".
 */
export interface RestingEdge extends MapEdge {
  /** The flow types it stands for, in legend order; `type` is the first. */
  types: AccountFlowType[];
  /** Distinct accounts the flows leave, in map order. */
  sources: MapAccount[];
  /** Distinct accounts the flows reach, in map order. */
  targets: MapAccount[];
}

interface Draft {
  from: string;
  to: string;
  types: Set<AccountFlowType>;
  sources: Map<string, MapAccount>;
  targets: Map<string, MapAccount>;
  count: number;
  broken: number;
}

/** The node of a whole OU box, its child OUs included. */
export const boxNode = (id: string): MapNodeId => `b:${id}`;

/**
 * Where a line between accounts shown in OUs `a` and `b` (paths from the
 * root, root first) ends: on each side, the outermost OU that holds that
 * end and not the other, i.e. the child of their lowest common OU. An end
 * whose own OU is that common OU ends on its own tiles. So flows from four
 * team OUs under Workloads to Security become one line from Workloads.
 */
export function restingEnds(
  a: readonly string[],
  b: readonly string[],
): [MapNodeId, MapNodeId] | undefined {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return undefined;
  const end = (path: readonly string[]) =>
    i < path.length ? boxNode(path[i]) : groupNode(path[path.length - 1]);
  return [end(a), end(b)];
}

/**
 * The lines the map draws when no account is hovered, focused or selected.
 * Each account-to-account flow of a shown type joins the OU boxes
 * {@link restingEnds} gives (an account hidden in a collapsed OU is at that
 * OU), and all flows between the same two nodes, whatever their type,
 * become one line. Flows inside one collapsed OU are left to the account's
 * own lines. So the number of lines depends on the OU tree and the flow
 * types, not on the number of accounts.
 */
export function buildRestingLines(input: {
  model: AccountMapModel;
  layout: MapLayout;
  visible: ReadonlySet<string>;
  types: ReadonlySet<AccountFlowType>;
}): RestingEdge[] {
  const { model, layout, visible } = input;
  const byRole = new Map<string, MapAccount[]>();
  for (const [role, refs] of model.accountsByRole) {
    const shown = refs.filter(ref => visible.has(ref));
    byRole.set(
      role,
      shown.map(ref => model.accounts.get(ref)!),
    );
  }
  const pathOf = shownPaths(model, layout);
  const ends = new Map<string, [MapNodeId, MapNodeId] | undefined>();
  const endsOf = (a: readonly string[], b: readonly string[]) => {
    const key = `${a[a.length - 1]}\u0000${b[b.length - 1]}`;
    if (!ends.has(key)) ends.set(key, restingEnds(a, b));
    return ends.get(key);
  };

  const drafts = new Map<string, Draft>();
  for (const flow of MAP_FLOWS) {
    if (!input.types.has(flow.type)) continue;
    for (const from of byRole.get(flow.from) ?? []) {
      const a = pathOf(from.groupId);
      if (!a) continue;
      for (const to of byRole.get(flow.to) ?? []) {
        const b = pathOf(to.groupId);
        const nodes = b && from.ref !== to.ref ? endsOf(a, b) : undefined;
        if (!nodes) continue;
        const key = nodes.join('\u0000');
        let draft = drafts.get(key);
        if (!draft) {
          draft = newDraft(nodes);
          drafts.set(key, draft);
        }
        draft.types.add(flow.type);
        draft.sources.set(from.ref, from);
        draft.targets.set(to.ref, to);
        draft.count++;
        if (isBrokenFlow(flow.type, from, to)) draft.broken++;
      }
    }
  }
  return [...drafts.values()].map(draft => toEdge(draft, model));
}

/**
 * The path from the root to where an OU's accounts are shown: the OU, or
 * the outermost collapsed OU above it; undefined when it is not drawn.
 */
function shownPaths(
  model: AccountMapModel,
  layout: MapLayout,
): (groupId: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return groupId => {
    if (!cache.has(groupId)) {
      const path = groupPath(model, groupId).reverse();
      const hidden = path.findIndex(id => layout.groupBoxes.get(id)?.collapsed);
      const shown = hidden >= 0 ? path.slice(0, hidden + 1) : path;
      const drawn = layout.groupBoxes.has(shown[shown.length - 1]);
      cache.set(groupId, drawn ? shown : undefined);
    }
    return cache.get(groupId);
  };
}

function newDraft([from, to]: [MapNodeId, MapNodeId]): Draft {
  return {
    from,
    to,
    types: new Set(),
    sources: new Map(),
    targets: new Map(),
    count: 0,
    broken: 0,
  };
}

function toEdge(draft: Draft, model: AccountMapModel): RestingEdge {
  const inMapOrder = (accounts: Map<string, MapAccount>) =>
    [...accounts.values()].sort(
      (x, y) => model.order.get(x.ref)! - model.order.get(y.ref)!,
    );
  const types = FLOW_TYPES.filter(type => draft.types.has(type));
  return {
    key: `rest|${draft.from}|${draft.to}`,
    type: types[0],
    from: draft.from,
    to: draft.to,
    count: draft.count,
    broken: draft.broken,
    types,
    sources: inMapOrder(draft.sources),
    targets: inMapOrder(draft.targets),
  };
}

/** A line's end in words: the account's title when it is one, else a count. */
export type LineEnd = { title: string } | { accounts: number };

/** The two ends of a resting line, for its label. */
export function lineEnds(edge: RestingEdge): { from: LineEnd; to: LineEnd } {
  const end = (accounts: MapAccount[]): LineEnd =>
    accounts.length === 1
      ? { title: accounts[0].title }
      : { accounts: accounts.length };
  return { from: end(edge.sources), to: end(edge.targets) };
}

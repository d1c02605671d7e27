import {
  AccountFlow,
  AccountFlowType,
  ACCOUNT_FLOWS,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { MapLayout } from './mapLayout';
import { AccountMapModel, MapAccount, groupPath } from './mapModel';

/** Flow types in legend order: the guide's landing zone first, then workloads. */
export const FLOW_TYPES: readonly AccountFlowType[] = [
  'deploys-baseline',
  'baseline-flow',
  'deploys-to',
  'pulls-images-from',
  'ships-cloudtrail-to',
  'delegates-dns-to',
  'copies-backups-to',
  'governs-backup-policy',
  'sends-metrics-to',
  'assigns-permission-sets',
  'delegates-admin',
];

/** The flows drawn until the user switches others on in the legend. */
export const DEFAULT_FLOW_TYPES: ReadonlySet<AccountFlowType> = new Set([
  'deploys-baseline',
  'baseline-flow',
  'deploys-to',
  'pulls-images-from',
  'ships-cloudtrail-to',
  'delegates-dns-to',
  'copies-backups-to',
]);

/**
 * The guide's flows between roles. It names Production and Sandbox; an
 * account of the generic `workload` role has the same shape, so it takes
 * Production's flows.
 */
export const MAP_FLOWS: readonly AccountFlow[] = (() => {
  const flows = [...ACCOUNT_FLOWS];
  const key = (f: AccountFlow) => `${f.type}|${f.from}|${f.to}`;
  const seen = new Set(flows.map(key));
  for (const flow of ACCOUNT_FLOWS) {
    if (flow.from !== 'production' && flow.to !== 'production') continue;
    const copy: AccountFlow = {
      ...flow,
      from: flow.from === 'production' ? 'workload' : flow.from,
      to: flow.to === 'production' ? 'workload' : flow.to,
    };
    if (!seen.has(key(copy))) {
      seen.add(key(copy));
      flows.push(copy);
    }
  }
  return flows;
})();

/** `a:<account ref>` for a tile, `g:<OU path>` for an OU box. */
export type MapNodeId = string;

/** One line of the map: flows of one type between two drawn nodes. */
export interface MapEdge {
  key: string;
  type: AccountFlowType;
  from: MapNodeId;
  to: MapNodeId;
  /** Account-to-account flows this line stands for. */
  count: number;
  /** Of those, flows the guide expects but the estate breaks (see {@link isBrokenFlow}). */
  broken: number;
}

/** The node of a tile. */
export const accountNode = (ref: string): MapNodeId => `a:${ref}`;
/** The node of an OU box. */
export const groupNode = (id: string): MapNodeId => `g:${id}`;

/**
 * A flow the guide draws that the catalog shows is not in place: a workload
 * account without a backup copy into the Backup account, or a delegation
 * from Network that drifts from the workload zone's name servers.
 */
export function isBrokenFlow(
  type: AccountFlowType,
  from: MapAccount,
  to: MapAccount,
): boolean {
  if (type === 'copies-backups-to') {
    return from.findings.includes('backup-not-covered');
  }
  if (type === 'delegates-dns-to') {
    return to.findings.includes('delegation-drift');
  }
  return false;
}

/** Where an account's flows land, or undefined when it is not drawn. */
export type NodeResolver = (ref: string) => MapNodeId | undefined;

/** Accounts of an OU with at most this many tiles keep their own lines when others aggregate. */
export const SMALL_GROUP_TILES = 12;

/**
 * Where each account's lines land, finest first: its tile (or the outermost
 * collapsed OU box that hides it); then, for accounts of OUs with more than
 * `smallGroup` tiles, that OU's box; then every account's OU box.
 */
export function nodeResolvers(
  model: AccountMapModel,
  layout: MapLayout,
  smallGroup: number = SMALL_GROUP_TILES,
): NodeResolver[] {
  const hiddenBy = new Map<string, string | undefined>();
  const collapsedAncestor = (groupId: string) => {
    if (!hiddenBy.has(groupId)) {
      const path = groupPath(model, groupId).reverse();
      hiddenBy.set(
        groupId,
        path.find(id => layout.groupBoxes.get(id)?.collapsed),
      );
    }
    return hiddenBy.get(groupId);
  };
  const tilesIn = new Map<string, number>();
  for (const tile of layout.tiles) {
    tilesIn.set(tile.groupId, (tilesIn.get(tile.groupId) ?? 0) + 1);
  }
  const resolve =
    (aggregate: (groupId: string) => boolean): NodeResolver =>
    ref => {
      const account = model.accounts.get(ref);
      if (!account) return undefined;
      const hidden = collapsedAncestor(account.groupId);
      if (hidden) return groupNode(hidden);
      if (!layout.tileBoxes.has(ref)) return undefined;
      return aggregate(account.groupId)
        ? groupNode(account.groupId)
        : accountNode(ref);
    };
  return [
    resolve(() => false),
    resolve(groupId => (tilesIn.get(groupId) ?? 0) > smallGroup),
    resolve(() => true),
  ];
}

/**
 * The lines to draw for the guide's flows between the visible accounts.
 * Each account-to-account flow lands on the nodes `levels[0]` gives its
 * ends; flows of one type between the same two nodes become one line with a
 * count, and flows inside one node (a collapsed OU) are not drawn. While
 * that leaves more than `maxEdges` lines (a large OU expanded), the next,
 * coarser level is tried, so the map draws OU-to-OU lines instead of
 * thousands; `touching` (an account whose flows only are wanted) always
 * keeps its own tile.
 */
export function buildFlowEdges(input: {
  model: AccountMapModel;
  visible: ReadonlySet<string>;
  types: ReadonlySet<AccountFlowType>;
  levels: readonly NodeResolver[];
  maxEdges: number;
  touching?: string;
}): { edges: MapEdge[]; level: number } {
  const { model, visible, touching } = input;
  const byRole = new Map<string, MapAccount[]>();
  for (const [role, refs] of model.accountsByRole) {
    byRole.set(
      role,
      refs.filter(ref => visible.has(ref)).map(ref => model.accounts.get(ref)!),
    );
  }

  const only = touching ? model.accounts.get(touching) : undefined;
  const collect = (at: NodeResolver) => {
    const edges = new Map<string, MapEdge>();
    if (touching && (!only || !visible.has(touching))) return [];
    for (const flow of MAP_FLOWS) {
      if (!input.types.has(flow.type)) continue;
      const sources = byRole.get(flow.from) ?? [];
      const targets = byRole.get(flow.to) ?? [];
      if (only) {
        if (only.role === flow.from) {
          for (const to of targets) add(edges, at, flow.type, only, to);
        }
        if (only.role === flow.to && only.role !== flow.from) {
          for (const from of sources) add(edges, at, flow.type, from, only);
        }
        continue;
      }
      for (const from of sources) {
        for (const to of targets) add(edges, at, flow.type, from, to);
      }
    }
    return [...edges.values()];
  };

  const first = input.levels[0];
  for (let level = 0; level < input.levels.length; level++) {
    const resolver = input.levels[level];
    const at: NodeResolver = touching
      ? ref => (ref === touching ? first(ref) : resolver(ref))
      : resolver;
    const edges = collect(at);
    if (edges.length <= input.maxEdges || level === input.levels.length - 1) {
      return { edges, level };
    }
  }
  return { edges: [], level: 0 };
}

function add(
  edges: Map<string, MapEdge>,
  at: (ref: string) => MapNodeId | undefined,
  type: AccountFlowType,
  from: MapAccount,
  to: MapAccount,
) {
  if (from.ref === to.ref) return;
  const a = at(from.ref);
  const b = at(to.ref);
  if (!a || !b || a === b) return;
  const key = `${type}|${a}|${b}`;
  let edge = edges.get(key);
  if (!edge) {
    edge = { key, type, from: a, to: b, count: 0, broken: 0 };
    edges.set(key, edge);
  }
  edge.count++;
  if (isBrokenFlow(type, from, to)) edge.broken++;
}

/** The flows of one type that leave or reach an account, with the accounts at the other end. */
export interface AccountFlowList {
  type: AccountFlowType;
  direction: 'out' | 'in';
  peers: MapAccount[];
  /** Flows of these the estate breaks. */
  broken: number;
}

/**
 * An account's flows with the visible accounts, by direction and type, for
 * the details panel: what the lines of one tile mean, in words.
 */
export function flowsOfAccount(input: {
  model: AccountMapModel;
  visible: ReadonlySet<string>;
  types: ReadonlySet<AccountFlowType>;
  ref: string;
}): AccountFlowList[] {
  const account = input.model.accounts.get(input.ref);
  if (!account) return [];
  const peersOf = (role: string) =>
    (input.model.accountsByRole.get(role as MapAccount['role']) ?? [])
      .filter(ref => ref !== account.ref && input.visible.has(ref))
      .map(ref => input.model.accounts.get(ref)!);
  const lists: AccountFlowList[] = [];
  for (const direction of ['out', 'in'] as const) {
    for (const type of FLOW_TYPES) {
      if (!input.types.has(type)) continue;
      const peers = new Map<string, MapAccount>();
      let broken = 0;
      for (const flow of MAP_FLOWS) {
        if (flow.type !== type) continue;
        const mine = direction === 'out' ? flow.from : flow.to;
        const theirs = direction === 'out' ? flow.to : flow.from;
        if (mine !== account.role) continue;
        for (const peer of peersOf(theirs)) {
          if (peers.has(peer.ref)) continue;
          peers.set(peer.ref, peer);
          const [from, to] =
            direction === 'out' ? [account, peer] : [peer, account];
          if (isBrokenFlow(type, from, to)) broken++;
        }
      }
      if (peers.size > 0) {
        const inMapOrder = [...peers.values()].sort(
          (x, y) =>
            input.model.order.get(x.ref)! - input.model.order.get(y.ref)!,
        );
        lists.push({ type, direction, peers: inMapOrder, broken });
      }
    }
  }
  return lists;
}

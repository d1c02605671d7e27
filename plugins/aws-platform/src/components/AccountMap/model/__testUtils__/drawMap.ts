import { Entity } from '@backstage/catalog-model';
import { AccountFlowType } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { defaultCollapsedGroups } from '../defaultCollapse';
import { nodeRect, routeEdges } from '../edgeGeometry';
import { summarizeGroups } from '../groupSummaries';
import { filterAccounts, NO_MAP_FILTER } from '../mapFilter';
import { buildFlowEdges, DEFAULT_FLOW_TYPES, nodeResolvers } from '../mapFlows';
import { layoutAccountMap } from '../mapLayout';
import { buildAccountMapModel } from '../mapModel';
import { buildRestingLines } from '../restingLines';

/**
 * The map as `AccountMap` draws it from `entities`, with no filter, the
 * default collapsed OUs and a 1,200-pixel plane: its model and layout, the
 * lines at rest, and for comparison one line per account pair and type
 * (what the map drew at rest before, where no OU is collapsed).
 */
export function drawMap(
  entities: Entity[],
  types: ReadonlySet<AccountFlowType> = DEFAULT_FLOW_TYPES,
) {
  const model = buildAccountMapModel(entities);
  const visible = filterAccounts(model, NO_MAP_FILTER);
  const summaries = summarizeGroups(model, visible, { keepEmpty: true });
  const collapsed = defaultCollapsedGroups(model, summaries);
  const layout = layoutAccountMap({
    model,
    visible,
    summaries,
    collapsed,
    width: 1200,
  });
  const rectOf = (node: string) => nodeRect(layout, node);
  const levels = nodeResolvers(model, layout);
  const resting = buildRestingLines({ model, layout, visible, types });
  const perAccount = buildFlowEdges({
    model,
    visible,
    types,
    levels: [levels[0]],
    maxEdges: Infinity,
  }).edges;
  return {
    model,
    layout,
    visible,
    levels,
    resting,
    restingRouted: routeEdges(resting, rectOf),
    perAccountRouted: routeEdges(perAccount, rectOf),
  };
}

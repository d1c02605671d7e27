import { Entity } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  AccountFlowType,
  ACCOUNT_ROLE_IDS,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { AccountDetails } from './AccountDetails';
import { useLineLabel } from './FlowLines';
import { MapCanvas } from './MapCanvas';
import { MapLegend } from './MapLegend';
import { MapToolbar } from './MapToolbar';
import { defaultCollapsedGroups } from './model/defaultCollapse';
import { nodeRect, routeEdges } from './model/edgeGeometry';
import { summarizeGroups } from './model/groupSummaries';
import {
  filterAccounts,
  isFilterActive,
  MapFilter,
  NO_MAP_FILTER,
  ownersOf,
} from './model/mapFilter';
import {
  buildFlowEdges,
  DEFAULT_FLOW_TYPES,
  flowsOfAccount,
  nodeResolvers,
} from './model/mapFlows';
import { resolveFocus } from './model/mapFocus';
import { layoutAccountMap } from './model/mapLayout';
import { buildAccountMapModel, walkGroups } from './model/mapModel';
import { commonNamePrefix } from './model/namePrefix';
import { buildRestingLines } from './model/restingLines';
import { useElementWidth } from './useElementWidth';

/** More lines than this for one account and its lines aggregate by OU. */
export const MAX_DRAWN_EDGES = 150;

const useStyles = makeStyles(theme => ({
  body: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'flex-start',
    [theme.breakpoints.down('sm')]: { flexDirection: 'column' },
  },
  viewport: {
    flex: 1,
    minWidth: 0,
    alignSelf: 'stretch',
    overflow: 'auto',
    maxHeight: 'max(480px, calc(100vh - 260px))',
    padding: theme.spacing(1),
  },
  side: {
    width: 280,
    flexShrink: 0,
    padding: theme.spacing(1.5, 2),
    maxHeight: 'max(480px, calc(100vh - 260px))',
    overflow: 'auto',
    [theme.breakpoints.down('sm')]: { width: '100%', maxHeight: 'none' },
  },
}));

/** Props of {@link AccountMap}. */
export interface AccountMapProps {
  /** The organization's account and OU entities (others are ignored). */
  entities: Entity[];
  /** An account or OU entity ref to open, select and scroll to. */
  focusRef?: string;
}

/**
 * The AWS organization as the guide draws it: OUs as nested boxes, accounts
 * coloured by role with their counts and health badges, and the guide's
 * flows between roles: at rest one line per pair of OU boxes, and the
 * hovered, focused or selected account's own lines on top. Everything it
 * shows comes from the pure functions in `./model`; this component holds
 * the user's choices (filters, collapsed OUs, flow types, the selected
 * account) and renders.
 */
export function AccountMap(props: AccountMapProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const entityLink = useEntityRefLink();
  const hrefOf = useCallback((ref: string) => entityLink(ref), [entityLink]);

  const model = useMemo(
    () => buildAccountMapModel(props.entities),
    [props.entities],
  );
  const focus = useMemo(
    () => resolveFocus(model, props.focusRef),
    [model, props.focusRef],
  );
  const [filter, setFilterState] = useState<MapFilter>(NO_MAP_FILTER);
  // The user's own opening and closing of OUs; a new filter starts afresh.
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(
    new Map(),
  );
  const [types, setTypes] =
    useState<ReadonlySet<AccountFlowType>>(DEFAULT_FLOW_TYPES);
  const [selected, setSelected] = useState<string>();
  const clearSelection = useCallback(() => setSelected(undefined), []);
  const [viewportRef, viewportWidth, viewport] =
    useElementWidth<HTMLDivElement>(900);

  const setFilter = useCallback((next: MapFilter) => {
    setFilterState(next);
    setOverrides(new Map());
  }, []);
  // Typing stays responsive at 1,000 accounts: the map follows a beat later.
  const shownFilter = useDeferredValue(filter);
  const filtering = isFilterActive(shownFilter);

  const visible = useMemo(
    () => filterAccounts(model, shownFilter),
    [model, shownFilter],
  );
  const summaries = useMemo(
    () => summarizeGroups(model, visible, { keepEmpty: !filtering }),
    [model, visible, filtering],
  );
  const defaults = useMemo(
    () =>
      defaultCollapsedGroups(model, summaries, { forceOpen: focus.forceOpen }),
    [model, summaries, focus],
  );
  const collapsed = useMemo(() => {
    const result = new Set(defaults);
    for (const [id, isCollapsed] of overrides) {
      if (isCollapsed) result.add(id);
      else result.delete(id);
    }
    return result;
  }, [defaults, overrides]);
  // Room for the plane inside the viewport's padding.
  const width = Math.max(400, viewportWidth - 16);
  const layout = useMemo(
    () => layoutAccountMap({ model, visible, summaries, collapsed, width }),
    [model, visible, summaries, collapsed, width],
  );

  const levels = useMemo(() => nodeResolvers(model, layout), [model, layout]);
  const rectOf = useCallback(
    (node: string) => nodeRect(layout, node),
    [layout],
  );
  // At rest: one line per pair of OU boxes, whatever the number of accounts.
  const edges = useMemo(
    () =>
      routeEdges(buildRestingLines({ model, layout, visible, types }), rectOf),
    [model, layout, visible, types, rectOf],
  );

  const lineLabel = useLineLabel();
  const lineWords = useMemo(() => {
    const ouTitle = (node: string) =>
      model.groups.get(node.slice(2))?.title ?? node.slice(2);
    return edges.map(({ edge }) =>
      t('accountMap.lines.between', {
        from: ouTitle(edge.from),
        to: ouTitle(edge.to),
        label: lineLabel(edge),
      }),
    );
  }, [edges, model, t, lineLabel]);

  const active =
    [selected, focus.accountRef].find(
      ref => ref !== undefined && layout.tileBoxes.has(ref),
    ) ?? undefined;
  const highlighted = useMemo(
    () =>
      active
        ? routeEdges(
            buildFlowEdges({
              model,
              visible,
              types,
              levels,
              maxEdges: MAX_DRAWN_EDGES,
              touching: active,
            }).edges,
            rectOf,
          )
        : undefined,
    [active, model, visible, types, levels, rectOf],
  );
  const activeFlows = useMemo(
    () =>
      active ? flowsOfAccount({ model, visible, types, ref: active }) : [],
    [active, model, visible, types],
  );

  const onToggle = useCallback(
    (groupId: string) =>
      setOverrides(previous => {
        const next = new Map(previous);
        next.set(groupId, !collapsed.has(groupId));
        return next;
      }),
    [collapsed],
  );
  const setAll = (isCollapsed: boolean) =>
    setOverrides(
      new Map(
        [...model.groups.keys()].map(id => [
          id,
          // Collapsing the root would hide the whole map.
          isCollapsed && !model.rootIds.includes(id),
        ]),
      ),
    );

  const groupOptions = useMemo(
    () =>
      [...walkGroups(model.rootIds, model.groups)].map(group => ({
        id: group.id,
        label: group.id,
      })),
    [model],
  );
  const owners = useMemo(() => ownersOf(model), [model]);
  const roles = ACCOUNT_ROLE_IDS.filter(role => model.accountsByRole.has(role));
  const total = model.accounts.size;
  const namePrefix = useMemo(
    () => commonNamePrefix([...model.accounts.values()].map(a => a.title)),
    [model],
  );
  const status = [
    filtering
      ? t('accountMap.showing', { visible: visible.size, total })
      : t('accountMap.summary', { count: total, ous: model.groups.size }),
    namePrefix && t('accountMap.namePrefix', { prefix: namePrefix.trim() }),
  ]
    .filter(Boolean)
    .join('. ');
  const activeAccount = active ? model.accounts.get(active) : undefined;

  return (
    <div>
      <MapToolbar
        filter={filter}
        onFilterChange={setFilter}
        roles={roles}
        groups={groupOptions}
        owners={owners}
        filtering={isFilterActive(filter)}
        onExpandAll={() => setAll(false)}
        onCollapseAll={() => setAll(true)}
        status={status}
      />
      <div className={classes.body}>
        <Paper
          variant="outlined"
          className={classes.viewport}
          ref={viewportRef}
        >
          <MapCanvas
            model={model}
            layout={layout}
            summaries={summaries}
            namePrefix={namePrefix}
            edges={edges}
            highlighted={highlighted}
            activeRef={active}
            focus={focus}
            hrefOf={hrefOf}
            onToggle={onToggle}
            onActivate={setSelected}
            onDeactivate={clearSelection}
            scrollContainer={viewport}
          />
        </Paper>
        <Paper variant="outlined" className={classes.side}>
          <AccountDetails
            account={activeAccount}
            ouTitle={activeAccount?.groupId}
            flows={activeFlows}
            hrefOf={hrefOf}
          />
          <MapLegend
            roles={roles}
            types={types}
            onTypesChange={setTypes}
            aggregated={edges.length > 0}
            lines={lineWords}
          />
        </Paper>
      </div>
    </div>
  );
}

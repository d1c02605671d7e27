import { AccountFlowType } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useTheme } from '@material-ui/core/styles';
import { memo, useCallback, useMemo } from 'react';
import { awsPlatformTranslationRef } from '../../translation';
import { Point, RoutedEdge } from './model/edgeGeometry';
import { placeLabels } from './model/labelPlacement';
import { Rect } from './model/mapLayout';
import { FLOW_TYPES, MapEdge } from './model/mapFlows';
import { LineEnd, lineEnds, RestingEdge } from './model/restingLines';
import { FlowStyle, MapPalette } from './palette';
import { useMapPalette } from './useMapPalette';

type Marker = AccountFlowType | 'broken' | 'mixed';
const markerId = (prefix: string, type: Marker) => `${prefix}-arrow-${type}`;

const isResting = (edge: MapEdge): edge is RestingEdge => 'types' in edge;

/** How a line is drawn: its type's style, or a plain one for several types. */
function lineStyle(
  edge: MapEdge,
  palette: MapPalette,
): FlowStyle & { marker: Marker } {
  if (edge.broken > 0) {
    const mixed = isResting(edge) && edge.types.length > 1;
    return {
      color: palette.broken,
      dash: mixed ? undefined : palette.flows[edge.type].dash,
      marker: 'broken',
    };
  }
  if (isResting(edge) && edge.types.length > 1) {
    return { color: palette.mixed, marker: 'mixed' };
  }
  return { ...palette.flows[edge.type], marker: edge.type };
}

/** The words of a line's label, e.g. "12 accounts → Log Archive" at rest. */
export function useLineLabel(): (edge: MapEdge) => string {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  return useCallback(
    (edge: MapEdge): string => {
      if (!isResting(edge)) return edge.count.toLocaleString('en-US');
      const word = (end: LineEnd) =>
        'title' in end
          ? end.title
          : t('accountMap.lines.accounts', { count: end.accounts });
      const ends = lineEnds(edge);
      const label = t('accountMap.lines.label', {
        from: word(ends.from),
        to: word(ends.to),
      });
      return edge.broken > 0
        ? t('accountMap.lines.broken', { label, broken: edge.broken })
        : label;
    },
    [t],
  );
}

function markerColor(type: Marker, palette: MapPalette): string {
  if (type === 'broken') return palette.broken;
  if (type === 'mixed') return palette.mixed;
  return palette.flows[type].color;
}

/** Stroke width of a line standing for `count` flows. */
export function strokeWidth(count: number): number {
  return count <= 1 ? 1.6 : Math.min(6, 1.6 + Math.log10(count) * 1.4);
}

const labelKey = (routed: RoutedEdge, emphasis: boolean) =>
  `${emphasis ? 'hl' : 'bl'}-${routed.edge.key}`;

/**
 * Where the drawn labels go, by `labelKey`: lines at rest and lines standing
 * for several flows are labelled, only the selected account's while one is
 * selected, placed along their lines so that none covers another.
 */
function useLabelPositions(
  edges: RoutedEdge[],
  highlighted: RoutedEdge[] | undefined,
  labelOf: (edge: MapEdge) => string,
  obstacles: readonly Rect[] | undefined,
): Map<string, Point> {
  return useMemo(() => {
    const labelled = (list: RoutedEdge[], emphasis: boolean) =>
      list
        .filter(r => isResting(r.edge) || r.edge.count > 1)
        .map(routed => ({ routed, emphasis }));
    const drawn = [
      ...(highlighted ? [] : labelled(edges, false)),
      ...labelled(highlighted ?? [], true),
    ];
    const points = placeLabels(
      drawn.map(({ routed }) => ({
        curve: routed.curve,
        text: labelOf(routed.edge),
      })),
      obstacles,
    );
    return new Map(
      drawn.map(({ routed, emphasis }, i) => [
        labelKey(routed, emphasis),
        points[i],
      ]),
    );
  }, [edges, highlighted, labelOf, obstacles]);
}

/**
 * The flow lines, in one SVG under the tiles: at rest one line per pair of
 * OU boxes labelled with its ends, and the active account's own lines on
 * top. It is decoration for sighted users (`aria-hidden`): the details
 * panel says the same in words.
 */
export const FlowLines = memo(function FlowLinesView(props: {
  idPrefix: string;
  width: number;
  height: number;
  edges: RoutedEdge[];
  /** Lines of the selected account, drawn on top. */
  highlighted?: RoutedEdge[];
  /** What labels should not cover (OU headers, tiles), where they can move. */
  obstacles?: readonly Rect[];
}) {
  const theme = useTheme();
  const palette = useMapPalette();
  const labelOf = useLineLabel();
  const dim = Boolean(props.highlighted);
  const line = (routed: RoutedEdge, emphasis: boolean) => {
    const { edge } = routed;
    const style = lineStyle(edge, palette);
    const resting = isResting(edge);
    return (
      <path
        key={`${emphasis ? 'h' : 'b'}-${edge.key}`}
        d={routed.d}
        fill="none"
        stroke={style.color}
        strokeWidth={strokeWidth(edge.count) + (emphasis ? 1 : 0)}
        strokeDasharray={style.dash}
        strokeLinecap="round"
        opacity={dim && !emphasis ? 0.18 : 0.85}
        markerEnd={`url(#${markerId(props.idPrefix, style.marker)})`}
        // Account lines carry their flow type; lines at rest their types.
        {...(resting
          ? { 'data-line': 'rest', 'data-flows': edge.types.join(' ') }
          : { 'data-flow': edge.type })}
      />
    );
  };
  const positions = useLabelPositions(
    props.edges,
    props.highlighted,
    labelOf,
    props.obstacles,
  );
  const label = (routed: RoutedEdge, emphasis: boolean) => {
    const at = positions.get(labelKey(routed, emphasis));
    return at ? (
      <text
        key={labelKey(routed, emphasis)}
        x={at.x}
        y={at.y}
        fontSize={11}
        fontWeight={600}
        textAnchor="middle"
        dominantBaseline="middle"
        fill={theme.palette.text.primary}
        stroke={theme.palette.background.paper}
        strokeWidth={3}
        paintOrder="stroke"
        data-line-label={isResting(routed.edge) ? 'rest' : undefined}
      >
        {labelOf(routed.edge)}
      </text>
    ) : null;
  };

  return (
    <svg
      aria-hidden="true"
      width={props.width}
      height={props.height}
      style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}
      data-testid="account-map-flows"
    >
      <defs>
        {[...FLOW_TYPES, 'broken' as const, 'mixed' as const].map(type => (
          <marker
            key={type}
            id={markerId(props.idPrefix, type)}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0 0L10 5L0 10z" fill={markerColor(type, palette)} />
          </marker>
        ))}
      </defs>
      {props.edges.map(routed => line(routed, false))}
      {props.highlighted?.map(routed => line(routed, true))}
      {props.edges.map(routed => label(routed, false))}
      {props.highlighted?.map(routed => label(routed, true))}
    </svg>
  );
});

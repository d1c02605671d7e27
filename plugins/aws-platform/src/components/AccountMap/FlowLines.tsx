import { AccountFlowType } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useTheme } from '@material-ui/core/styles';
import { memo } from 'react';
import { RoutedEdge } from './model/edgeGeometry';
import { FLOW_TYPES } from './model/mapFlows';
import { BROKEN_FLOW_COLOR, FLOW_STYLES } from './palette';

const markerId = (prefix: string, type: AccountFlowType | 'broken') =>
  `${prefix}-arrow-${type}`;

/** Stroke width of a line standing for `count` flows. */
export function strokeWidth(count: number): number {
  return count <= 1 ? 1.6 : Math.min(6, 1.6 + Math.log10(count) * 1.4);
}

/**
 * The flow lines, in one SVG under the tiles. It is decoration for sighted
 * users (`aria-hidden`): the details panel says the same in words.
 */
export const FlowLines = memo(function FlowLinesView(props: {
  idPrefix: string;
  width: number;
  height: number;
  edges: RoutedEdge[];
  /** Lines of the selected account, drawn on top. */
  highlighted?: RoutedEdge[];
}) {
  const theme = useTheme();
  const dim = Boolean(props.highlighted);
  const line = (routed: RoutedEdge, emphasis: boolean) => {
    const { edge } = routed;
    const style = FLOW_STYLES[edge.type];
    const broken = edge.broken > 0;
    return (
      <path
        key={`${emphasis ? 'h' : 'b'}-${edge.key}`}
        d={routed.d}
        fill="none"
        stroke={broken ? BROKEN_FLOW_COLOR : style.color}
        strokeWidth={strokeWidth(edge.count) + (emphasis ? 1 : 0)}
        strokeDasharray={style.dash}
        strokeLinecap="round"
        opacity={dim && !emphasis ? 0.18 : 0.85}
        markerEnd={`url(#${markerId(
          props.idPrefix,
          broken ? 'broken' : edge.type,
        )})`}
        data-flow={edge.type}
      />
    );
  };
  const label = (routed: RoutedEdge, emphasis: boolean) =>
    routed.edge.count > 1 && (!dim || emphasis) ? (
      <text
        key={`${emphasis ? 'hl' : 'bl'}-${routed.edge.key}`}
        x={routed.label.x}
        y={routed.label.y}
        fontSize={11}
        fontWeight={600}
        textAnchor="middle"
        dominantBaseline="middle"
        fill={theme.palette.text.primary}
        stroke={theme.palette.background.paper}
        strokeWidth={3}
        paintOrder="stroke"
      >
        {routed.edge.count.toLocaleString('en-US')}
      </text>
    ) : null;

  return (
    <svg
      aria-hidden="true"
      width={props.width}
      height={props.height}
      style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}
      data-testid="account-map-flows"
    >
      <defs>
        {[...FLOW_TYPES, 'broken' as const].map(type => (
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
            <path
              d="M0 0L10 5L0 10z"
              fill={
                type === 'broken' ? BROKEN_FLOW_COLOR : FLOW_STYLES[type].color
              }
            />
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

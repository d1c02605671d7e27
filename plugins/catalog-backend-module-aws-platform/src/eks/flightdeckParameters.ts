import type { FlightdeckMarker } from './types';

/** Where Flightdeck writes its parameters (guide b.5). */
export const FLIGHTDECK_PREFIX = '/flightdeck/';

/**
 * Flightdeck's `aws/cluster` module writes these two parameters per cluster
 * (guide b.5). Other names under `/flightdeck/` (telemetry's
 * `/flightdeck/prometheus/…`, `/flightdeck/grafana/…`) are not cluster marks.
 */
const MARKER_PARAMETERS = ['oidc_issuer', 'node_role_arn'];

/**
 * Groups SSM parameter names `/flightdeck/<cluster>/…` by cluster name and
 * tells whether each cluster carries one of Flightdeck's own parameters.
 */
export function flightdeckMarkers(
  parameterNames: readonly string[],
): Map<string, FlightdeckMarker> {
  const markers = new Map<string, FlightdeckMarker>();
  for (const name of parameterNames) {
    if (!name.startsWith(FLIGHTDECK_PREFIX)) continue;
    const [cluster, ...rest] = name.slice(FLIGHTDECK_PREFIX.length).split('/');
    if (!cluster || rest.length === 0) continue;
    const marker = markers.get(cluster) ?? { detected: false, parameters: [] };
    marker.parameters.push(name);
    if (rest.length === 1 && MARKER_PARAMETERS.includes(rest[0])) {
      marker.detected = true;
    }
    markers.set(cluster, marker);
  }
  for (const marker of markers.values()) marker.parameters.sort();
  return markers;
}

import { flightdeckMarkers } from './flightdeckParameters';

describe('flightdeckMarkers', () => {
  it('groups parameters by cluster and detects the marker parameters', () => {
    const markers = flightdeckMarkers([
      '/flightdeck/acme-production-v1/oidc_issuer',
      '/flightdeck/acme-production-v1/node_role_arn',
      '/flightdeck/acme-sandbox-v1/node_role_arn',
      '/flightdeck/prometheus/production/workspace_id',
      '/flightdeck/legacy/some/deep/value',
      '/other/acme-production-v1/oidc_issuer',
      '/flightdeck/',
      '/flightdeck/lonely',
    ]);
    expect(markers.get('acme-production-v1')).toEqual({
      detected: true,
      parameters: [
        '/flightdeck/acme-production-v1/node_role_arn',
        '/flightdeck/acme-production-v1/oidc_issuer',
      ],
    });
    expect(markers.get('acme-sandbox-v1')?.detected).toBe(true);
    // Telemetry parameters live under /flightdeck/ but mark no cluster.
    expect(markers.get('prometheus')).toEqual({
      detected: false,
      parameters: ['/flightdeck/prometheus/production/workspace_id'],
    });
    expect(markers.get('legacy')?.detected).toBe(false);
    expect([...markers.keys()].sort()).toEqual([
      'acme-production-v1',
      'acme-sandbox-v1',
      'legacy',
      'prometheus',
    ]);
  });
});

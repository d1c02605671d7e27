import { parseFlightdeckClusterName } from './flightdeckClusterName';

describe('parseFlightdeckClusterName', () => {
  it('reads org, stage and generation from <org>-<stage>-v<N>', () => {
    expect(parseFlightdeckClusterName('acme-production-v1')).toEqual({
      org: 'acme',
      stage: 'production',
      generation: 1,
    });
    expect(parseFlightdeckClusterName('my-company-sandbox-v12')).toEqual({
      org: 'my-company',
      stage: 'sandbox',
      generation: 12,
    });
  });

  it('yields nothing for names off the convention', () => {
    expect(parseFlightdeckClusterName('analytics')).toBeUndefined();
    expect(parseFlightdeckClusterName('production-v1')).toBeUndefined();
    expect(parseFlightdeckClusterName('acme-production-v')).toBeUndefined();
    expect(parseFlightdeckClusterName('acme-production-1')).toBeUndefined();
  });
});

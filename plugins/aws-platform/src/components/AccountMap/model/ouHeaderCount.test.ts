import { MAP_METRICS } from './mapLayout';
import { ouHeaderCount } from './ouHeaderCount';

describe('ouHeaderCount', () => {
  it('keeps the phrase where the header has room for it', () => {
    expect(ouHeaderCount('Shared', '4 accounts', 372)).toBe('phrase');
    expect(
      ouHeaderCount('Root (organization o-hbrpoig8f1)', '9 accounts', 770),
    ).toBe('phrase');
  });

  it('gives the number alone in a one-column box, as Security and Workloads are', () => {
    const oneColumn = MAP_METRICS.tileWidth + 2 * MAP_METRICS.padding;
    expect(ouHeaderCount('Security', '2 accounts', oneColumn)).toBe('number');
    expect(ouHeaderCount('Workloads', '2 accounts', oneColumn)).toBe('number');
  });

  it('judges by the whole phrase, so a longer count gives way sooner', () => {
    expect(ouHeaderCount('Shared', '4 accounts', 230)).toBe('phrase');
    expect(ouHeaderCount('Shared', '1,204 accounts', 230)).toBe('number');
  });
});

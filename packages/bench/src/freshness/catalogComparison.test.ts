import { compareWithRefresh } from './catalogComparison.ts';

describe('compareWithRefresh', () => {
  const ref = (name: string) => ({
    ref: `resource:default/${name}`,
    title: name,
  });

  it('finds what the events lost and what they kept that the refresh removed', () => {
    expect(
      compareWithRefresh(
        [ref('a'), ref('b'), ref('gone')],
        [ref('a'), ref('b'), ref('c')],
        new Set(),
      ),
    ).toEqual({
      lost: ['resource:default/c'],
      stale: ['resource:default/gone'],
    });
  });

  it('does not count what only the refresh could bring (dropped events)', () => {
    expect(
      compareWithRefresh(
        [ref('a')],
        [ref('a'), ref('dropped-zone')],
        new Set(['dropped-zone']),
      ),
    ).toEqual({ lost: [], stale: [] });
  });
});

import { roleAnnotations } from './roleAnnotations';

describe('roleAnnotations', () => {
  it('names the source and confidence only when nothing disagreed', () => {
    expect(
      roleAnnotations({
        role: 'audit',
        source: 'landing-zone',
        confidence: 'high',
        conflicts: [],
        alsoClaimedBy: [],
      }),
    ).toEqual({
      'aws-platform-suite.github.io/role-source': 'landing-zone',
      'aws-platform-suite.github.io/role-confidence': 'high',
    });
  });

  it('lists disagreeing evidence and the other claimants of a singleton', () => {
    const annotations = roleAnnotations({
      role: 'network',
      source: 'name',
      confidence: 'low',
      conflicts: [
        { role: 'sandbox', source: 'name', detail: 'account name x' },
      ],
      alsoClaimedBy: ['111111111111', '222222222222'],
    });
    expect(annotations['aws-platform-suite.github.io/role-conflicts']).toBe(
      'name:sandbox (account name x)',
    );
    expect(
      annotations['aws-platform-suite.github.io/role-also-claimed-by'],
    ).toBe('111111111111,222222222222');
  });
});

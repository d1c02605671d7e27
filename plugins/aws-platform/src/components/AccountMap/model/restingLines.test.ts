import { nestedOrganization } from '../__fixtures__/nestedOrganization';
import { referenceOrganization } from '../__fixtures__/organizationEntities';
import { drawMap } from './__testUtils__/drawMap';
import { lineEnds, RestingEdge, restingEnds } from './restingLines';

const describeLine = (edge: RestingEdge) => {
  const { from, to } = lineEnds(edge);
  const word = (end: typeof from) =>
    'title' in end ? end.title : `${end.accounts} accounts`;
  return `${edge.from} > ${edge.to}: ${word(from)} → ${word(
    to,
  )} [${edge.types.join(', ')}] ${edge.count}${
    edge.broken ? ` (${edge.broken} broken)` : ''
  }`;
};

describe('restingEnds', () => {
  it('ends each side on the child of the lowest common OU', () => {
    expect(
      restingEnds(
        ['Root', 'Root/Workloads', 'Root/Workloads/Prod'],
        ['Root', 'Root/Security'],
      ),
    ).toEqual(['b:Root/Workloads', 'b:Root/Security']);
    expect(
      restingEnds(
        ['Root', 'Root/Infra', 'Root/Infra/Shared'],
        ['Root', 'Root/Infra', 'Root/Infra/Network'],
      ),
    ).toEqual(['b:Root/Infra/Shared', 'b:Root/Infra/Network']);
  });

  it('ends on the own tiles of an OU that holds the other end', () => {
    expect(restingEnds(['Root'], ['Root', 'Root/Shared'])).toEqual([
      'g:Root',
      'b:Root/Shared',
    ]);
    expect(restingEnds(['Root', 'Root/Shared'], ['Root', 'Root/Shared'])).toBe(
      undefined,
    );
  });
});

describe('buildRestingLines', () => {
  it('joins the reference organization’s OUs with one line per pair', () => {
    const { resting } = drawMap(referenceOrganization());
    expect(resting.map(describeLine).sort()).toEqual(
      [
        'g:Root > b:Root/Shared: Management → 2 accounts [deploys-baseline] 2',
        'g:Root > b:Root/Workloads: Management → 2 accounts [deploys-baseline] 2',
        'b:Root/Shared > b:Root/Workloads: 2 accounts → 2 accounts [baseline-flow, deploys-to, delegates-dns-to] 6 (1 broken)',
        'b:Root/Workloads > b:Root/Shared: 2 accounts → 2 accounts [pulls-images-from, copies-backups-to] 4 (1 broken)',
        'b:Root/Shared > b:Root/Security: 2 accounts → Log Archive [ships-cloudtrail-to] 2',
        'b:Root/Workloads > b:Root/Security: 2 accounts → Log Archive [ships-cloudtrail-to] 2',
      ].sort(),
    );
  });

  it('keeps every flow counted: the lines at rest add up to the account pairs', () => {
    const { resting, perAccountRouted } = drawMap(nestedOrganization(100));
    // Only flows inside one OU would be left out; this estate has none
    // (Operations and Network sit in sibling OUs).
    const total = resting.reduce((sum, edge) => sum + edge.count, 0);
    const perAccount = perAccountRouted.reduce(
      (sum, routed) => sum + routed.edge.count,
      0,
    );
    expect(total).toBe(perAccount);
  });

  it('sums the accounts of nested team OUs into one line from Workloads', () => {
    const { resting, model } = drawMap(nestedOrganization(100));
    const workloads = [...model.accounts.values()].filter(a =>
      a.groupId.startsWith('Root/Workloads/'),
    );
    const toSecurity = resting.find(
      edge => edge.from === 'b:Root/Workloads' && edge.to === 'b:Root/Security',
    )!;
    expect(toSecurity.types).toEqual(['ships-cloudtrail-to']);
    expect(lineEnds(toSecurity)).toEqual({
      from: { accounts: workloads.length },
      to: { title: 'acme-logs' },
    });
  });

  it('lands the accounts of a collapsed OU on its box', () => {
    // At 1,000 accounts every team OU holds more than 40 and is collapsed.
    const { resting, layout, model } = drawMap(nestedOrganization(1000));
    expect(
      layout.groupBoxes.get('Root/Workloads/Prod/Payments')?.collapsed,
    ).toBe(true);
    const fromWorkloads = resting.find(
      edge => edge.from === 'b:Root/Workloads' && edge.to === 'b:Root/Security',
    )!;
    const inWorkloads = [...model.accounts.values()].filter(a =>
      a.groupId.startsWith('Root/Workloads/'),
    );
    expect(inWorkloads.length).toBeGreaterThan(800);
    expect(lineEnds(fromWorkloads).from).toEqual({
      accounts: inWorkloads.length,
    });
  });

  it('draws only the flow types shown', () => {
    const { resting } = drawMap(
      referenceOrganization(),
      new Set(['ships-cloudtrail-to'] as const),
    );
    expect(resting).toHaveLength(2);
    expect(resting.every(edge => edge.to === 'b:Root/Security')).toBe(true);
  });
});

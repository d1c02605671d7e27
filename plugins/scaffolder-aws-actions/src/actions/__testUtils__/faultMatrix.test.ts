import type { FaultProxy } from '@internal/local-aws';
import {
  commonFaultRow,
  measureCells,
  recordActionRow,
  rulesThatNeverFired,
  startMeasure,
} from './faultMatrix';

const item = (id: string, name = id) => ({ id, name });

function proxyWithFaults(faults: Record<string, number>): FaultProxy {
  return {
    stats: () => ({ requests: 0, retries: 0, faults, operations: [] }),
  } as unknown as FaultProxy;
}

describe('measureCells', () => {
  it('counts what the inventory listed before and after', () => {
    expect(
      measureCells([item('a')], [item('a'), item('b'), item('c')]),
    ).toEqual({ before: 1, after: 3, lost: 0, duplicates: 0 });
  });

  it('counts a resource listed before and missing after as lost', () => {
    expect(measureCells([item('a'), item('b')], [item('b')])).toMatchObject({
      lost: 1,
    });
  });

  it('counts every copy of a name beyond the first as a duplicate', () => {
    expect(
      measureCells(
        [],
        [item('z1', 'zone a'), item('z2', 'zone a'), item('z3', 'zone a')],
      ),
    ).toMatchObject({ duplicates: 2 });
  });
});

describe('startMeasure', () => {
  it('lists the inventory before the row and again when it finishes', async () => {
    const listings = [[item('a')], [item('b')]];
    const inventory = jest.fn(async () => listings.shift()!);
    const measure = await startMeasure(inventory);
    expect(inventory).toHaveBeenCalledTimes(1);
    await expect(measure.finish()).resolves.toEqual({
      before: 1,
      after: 1,
      lost: 1,
      duplicates: 0,
    });
  });
});

describe('rulesThatNeverFired', () => {
  const { 3: rules } = commonFaultRow('lossy', 1);

  it('is empty when the rule of the row fired', () => {
    expect(rulesThatNeverFired(proxyWithFaults({ lossy: 1 }), rules)).toEqual(
      [],
    );
  });

  it('names the rule when only other faults fired', () => {
    expect(
      rulesThatNeverFired(proxyWithFaults({ drop: 3, denied: 1 }), rules),
    ).toEqual(['lossy']);
  });
});

describe('recordActionRow', () => {
  const row = {
    subject: 'Action test',
    unit: 'things',
    fault: 'a fault',
    outcomes: [],
    proxy: proxyWithFaults({}),
  };

  it('refuses a row without measured cells', () => {
    expect(() => recordActionRow(row)).toThrow(/no measured cells/);
  });

  it('fails a row that lost or duplicated a resource', () => {
    expect(() =>
      recordActionRow({
        ...row,
        measured: { before: 2, after: 3, lost: 0, duplicates: 1 },
      }),
    ).toThrow();
    expect(() =>
      recordActionRow({
        ...row,
        measured: { before: 2, after: 2, lost: 0, duplicates: 0 },
      }),
    ).not.toThrow();
  });
});

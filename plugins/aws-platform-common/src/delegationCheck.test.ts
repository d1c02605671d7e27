import { checkDelegation } from './delegationCheck';

const CHILD = [
  'ns-1601.awsdns-08.co.uk',
  'ns-77.awsdns-09.com',
  'ns-1101.awsdns-11.org',
  'ns-701.awsdns-23.net',
];

describe('checkDelegation', () => {
  it('is in sync whatever the case, order and trailing dots', () => {
    expect(
      checkDelegation(
        [
          'NS-701.AWSDNS-23.NET.',
          'ns-1101.awsdns-11.org.',
          'ns-77.awsdns-09.com',
          'ns-1601.awsdns-08.co.uk.',
        ],
        CHILD,
      ),
    ).toEqual({ status: 'in-sync', missing: [], extra: [] });
  });

  it('reports drift with the missing child servers and the extra parent values', () => {
    expect(
      checkDelegation(
        [
          'ns-1601.awsdns-08.co.uk.',
          'ns-77.awsdns-09.com.',
          'ns-1101.awsdns-11.org.',
          'ns-9999.awsdns-99.net.',
        ],
        CHILD,
      ),
    ).toEqual({
      status: 'drift',
      missing: ['ns-701.awsdns-23.net'],
      extra: ['ns-9999.awsdns-99.net'],
    });
  });

  it('reports drift when the parent lists only some of the servers', () => {
    expect(checkDelegation(CHILD.slice(0, 2), CHILD)).toEqual({
      status: 'drift',
      missing: CHILD.slice(2),
      extra: [],
    });
  });

  it('is not delegated without a parent record, and every child server is missing', () => {
    expect(
      checkDelegation(undefined, [...CHILD, 'NS-77.awsdns-09.com.']),
    ).toEqual({
      status: 'not-delegated',
      missing: CHILD,
      extra: [],
    });
  });
});

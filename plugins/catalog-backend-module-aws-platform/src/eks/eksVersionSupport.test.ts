import { EKS_VERSION_CALENDAR, eksVersionSupport } from './eksVersionSupport';

const at = (iso: string) => new Date(iso);

describe('eksVersionSupport', () => {
  it('switches to extended at 00:00 UTC on the end of standard support', () => {
    // 1.33: standard support ends 2026-07-29, extended 2027-07-29.
    expect(eksVersionSupport('1.33', at('2026-07-28T23:59:59.999Z'))).toEqual({
      status: 'standard',
      endOfStandardSupport: '2026-07-29',
      endOfExtendedSupport: '2027-07-29',
    });
    expect(
      eksVersionSupport('1.33', at('2026-07-29T00:00:00.000Z')).status,
    ).toBe('extended');
  });

  it('switches to unsupported at 00:00 UTC on the end of extended support', () => {
    expect(
      eksVersionSupport('1.28', at('2025-11-25T23:59:59.999Z')).status,
    ).toBe('extended');
    expect(
      eksVersionSupport('1.28', at('2025-11-26T00:00:00.000Z')).status,
    ).toBe('unsupported');
  });

  it('reads patch versions and a leading v', () => {
    const day = at('2026-11-25T00:00:00Z');
    expect(eksVersionSupport('1.34.2', day).status).toBe('standard');
    expect(eksVersionSupport('v1.34', day).status).toBe('standard');
  });

  it('is unknown for versions it has no dates for, and for garbage', () => {
    const day = at('2026-11-25T00:00:00Z');
    expect(eksVersionSupport('1.36', day)).toEqual({ status: 'unknown' });
    expect(eksVersionSupport('2.0', day)).toEqual({ status: 'unknown' });
    expect(eksVersionSupport('', day)).toEqual({ status: 'unknown' });
    expect(eksVersionSupport('latest', day)).toEqual({ status: 'unknown' });
  });

  it('calls versions older than the calendar unsupported once its oldest row has ended', () => {
    // moto's default cluster version.
    expect(eksVersionSupport('1.19', at('2026-01-01T00:00:00Z'))).toEqual({
      status: 'unsupported',
    });
    // Before 1.23 left extended support, an older version may still have been served.
    expect(eksVersionSupport('1.22', at('2024-01-01T00:00:00Z'))).toEqual({
      status: 'unknown',
    });
  });

  it('keeps a calendar of consecutive versions with ordered dates', () => {
    const minors = EKS_VERSION_CALENDAR.map(e =>
      Number(e.version.split('.')[1]),
    );
    expect(minors[0]).toBeLessThanOrEqual(23);
    expect(minors[minors.length - 1]).toBeGreaterThanOrEqual(34);
    expect(minors).toEqual(minors.map((_, i) => minors[0] + i));
    for (const entry of EKS_VERSION_CALENDAR) {
      for (const day of [
        entry.eksRelease,
        entry.endOfStandardSupport,
        entry.endOfExtendedSupport,
      ]) {
        expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(day))).toBe(false);
      }
      expect(entry.eksRelease < entry.endOfStandardSupport).toBe(true);
      expect(entry.endOfStandardSupport < entry.endOfExtendedSupport).toBe(
        true,
      );
    }
  });
});

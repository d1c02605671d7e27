import { byteSize, utcMinute, utcTime } from './liveFormat';

describe('live value formats', () => {
  it('writes times in UTC', () => {
    expect(utcMinute('2026-11-24T02:20:31.000Z')).toBe('2026-11-24 02:20 UTC');
    expect(utcMinute('2026-11-24T03:20:31+01:00')).toBe('2026-11-24 02:20 UTC');
    expect(utcMinute(undefined)).toBeUndefined();
    expect(utcMinute('soon')).toBeUndefined();
    expect(utcTime('2026-11-24T02:20:31.000Z')).toBe('02:20:31 UTC');
  });

  it('writes sizes in binary units', () => {
    expect(byteSize(0)).toBe('0 B');
    expect(byteSize(1023)).toBe('1023 B');
    expect(byteSize(2_147_483_648)).toBe('2.0 GiB');
    expect(byteSize(1536)).toBe('1.5 KiB');
    expect(byteSize(undefined)).toBeUndefined();
    expect(byteSize(-1)).toBeUndefined();
  });
});

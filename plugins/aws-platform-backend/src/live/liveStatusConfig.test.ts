import { ConfigReader } from '@backstage/config';
import { readLiveStatusConfig } from './liveStatusConfig';

const read = (liveStatus?: object) =>
  readLiveStatusConfig(
    new ConfigReader(liveStatus ? { awsPlatform: { liveStatus } } : {}),
  );

describe('readLiveStatusConfig', () => {
  it('defaults to a 60 s cache and 50 items of the last 7 days', () => {
    expect(read()).toEqual({
      cacheTtlMs: 60_000,
      backupDays: 7,
      backupMaxItems: 50,
      coalesceAcrossReplicas: false,
    });
  });

  it('joins reads across replicas when the cache store is shared', () => {
    const store = (value?: string) =>
      readLiveStatusConfig(
        new ConfigReader(value ? { backend: { cache: { store: value } } } : {}),
      ).coalesceAcrossReplicas;
    expect([store(), store('memory'), store('redis'), store('valkey')]).toEqual(
      [false, false, true, true],
    );
  });

  it.each([
    [{ seconds: 30 }, 30_000],
    ['2m', 120_000],
    ['PT1M', 60_000],
  ])('reads the cache TTL %j', (cacheTtl, ms) => {
    expect(read({ cacheTtl }).cacheTtlMs).toBe(ms);
  });

  it('reads the backup window and refuses values out of range', () => {
    expect(read({ backupDays: 30, backupMaxItems: 100 })).toMatchObject({
      backupDays: 30,
      backupMaxItems: 100,
    });
    expect(() => read({ backupDays: 0 })).toThrow(/backupDays/);
    expect(() => read({ backupMaxItems: 5000 })).toThrow(/backupMaxItems/);
    expect(() => read({ cacheTtl: { seconds: 0 } })).toThrow(/cacheTtl/);
  });
});

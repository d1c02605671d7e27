import { shareCredentials } from './sharedCredentials';

describe('shareCredentials', () => {
  it('makes one request for concurrent callers and reuses the result', async () => {
    const provider = jest.fn(async () => ({
      accessKeyId: 'ASIA1',
      secretAccessKey: 's',
      expiration: new Date(Date.now() + 3_600_000),
    }));
    const shared = shareCredentials(provider);
    const results = await Promise.all([shared(), shared(), shared()]);
    await shared();
    expect(provider).toHaveBeenCalledTimes(1);
    expect(new Set(results.map(r => r.accessKeyId))).toEqual(
      new Set(['ASIA1']),
    );
  });

  it('renews credentials shortly before they expire', async () => {
    let now = 0;
    let n = 0;
    const provider = jest.fn(async () => ({
      accessKeyId: `ASIA${++n}`,
      secretAccessKey: 's',
      expiration: new Date(now + 15 * 60_000),
    }));
    const shared = shareCredentials(provider, () => now);
    expect((await shared()).accessKeyId).toBe('ASIA1');
    now += 9 * 60_000;
    expect((await shared()).accessKeyId).toBe('ASIA1');
    now += 2 * 60_000; // 4 minutes left: renew
    expect((await shared()).accessKeyId).toBe('ASIA2');
  });

  it('asks again after a failure instead of keeping it', async () => {
    const provider = jest
      .fn()
      .mockRejectedValueOnce(new Error('AccessDenied'))
      .mockResolvedValue({ accessKeyId: 'ASIA2', secretAccessKey: 's' });
    const shared = shareCredentials(provider);
    await expect(shared()).rejects.toThrow('AccessDenied');
    await expect(shared()).resolves.toMatchObject({ accessKeyId: 'ASIA2' });
  });
});

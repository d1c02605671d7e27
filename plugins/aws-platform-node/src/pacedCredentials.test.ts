import { isThrottlingError, paceCredentials } from './pacedCredentials';
import { TokenBucket } from './tokenBucket';

const credentials = { accessKeyId: 'ASIA1', secretAccessKey: 's' };

function throttling() {
  return Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
}

describe('paceCredentials', () => {
  it('retries AssumeRole when STS throttles, then returns the credentials', async () => {
    const provider = jest
      .fn()
      .mockRejectedValueOnce(throttling())
      .mockRejectedValueOnce(throttling())
      .mockResolvedValue(credentials);
    const sleeps: number[] = [];
    const paced = paceCredentials(provider, {
      bucket: new TokenBucket({ ratePerSecond: 1000, burst: 10 }),
      maxAttempts: 5,
      sleep: async ms => {
        sleeps.push(ms);
      },
      random: () => 0.5,
    });
    await expect(paced()).resolves.toEqual(credentials);
    expect(provider).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up after maxAttempts and rethrows the throttling error', async () => {
    const provider = jest.fn().mockRejectedValue(throttling());
    const paced = paceCredentials(provider, {
      bucket: new TokenBucket({ ratePerSecond: 1000, burst: 10 }),
      maxAttempts: 3,
      sleep: async () => {},
    });
    await expect(paced()).rejects.toThrow('Rate exceeded');
    expect(provider).toHaveBeenCalledTimes(3);
  });

  it('does not retry an error that is not throttling', async () => {
    const denied = Object.assign(new Error('not authorized'), {
      name: 'AccessDenied',
    });
    const provider = jest.fn().mockRejectedValue(denied);
    const paced = paceCredentials(provider, {
      bucket: new TokenBucket({ ratePerSecond: 1000, burst: 10 }),
      maxAttempts: 5,
      sleep: async () => {},
    });
    await expect(paced()).rejects.toBe(denied);
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it('takes a token from the shared bucket before every attempt', async () => {
    let now = 0;
    const bucket = new TokenBucket({
      ratePerSecond: 1,
      burst: 2,
      now: () => now,
    });
    const take = jest.spyOn(bucket, 'take');
    const provider = jest
      .fn()
      .mockRejectedValueOnce(throttling())
      .mockResolvedValue(credentials);
    const paced = paceCredentials(provider, {
      bucket,
      maxAttempts: 5,
      sleep: async () => {
        now += 1000;
      },
    });
    await paced();
    expect(take).toHaveBeenCalledTimes(2);
  });
});

describe('isThrottlingError', () => {
  it.each([
    [{ name: 'Throttling' }, true],
    [{ name: 'TooManyRequestsException' }, true],
    [{ name: 'Whatever', $retryable: { throttling: true } }, true],
    [{ name: 'Whatever', $metadata: { httpStatusCode: 429 } }, true],
    [{ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }, false],
    [undefined, false],
  ])('%j → %s', (error, expected) => {
    expect(isThrottlingError(error)).toBe(expected);
  });
});

import { ReservationBucket } from './reservationBucket.ts';
import { VirtualClock } from './virtualClock.ts';

describe('VirtualClock', () => {
  it('runs sleeps in virtual time order without waiting for real time', async () => {
    const clock = new VirtualClock();
    const events: string[] = [];
    const task = async (name: string, steps: number[]) => {
      for (const ms of steps) {
        await clock.sleep(ms);
        events.push(`${clock.now} ${name}`);
      }
    };
    const started = Date.now();
    await clock.run(() =>
      Promise.all([task('a', [3_600_000, 10]), task('b', [5, 3_600_000])]),
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(events).toEqual(['5 b', '3600000 a', '3600005 b', '3600010 a']);
  });

  it('makes reservations on a shared bucket in time order', async () => {
    const clock = new VirtualClock();
    const bucket = new ReservationBucket({ ratePerSecond: 10, burst: 1 });
    const sent: string[] = [];
    // Started in the opposite order of the times they ask at.
    const worker = async (name: string, asksAt: number) => {
      await clock.sleepUntil(asksAt);
      await clock.sleepUntil(bucket.reserve(clock.now));
      sent.push(`${clock.now} ${name}`);
    };
    await clock.run(() =>
      Promise.all([
        worker('late', 30),
        worker('middle', 20),
        worker('early', 10),
      ]),
    );
    expect(sent).toEqual(['10 early', '110 middle', '210 late']);
  });

  it('returns what main returns, and throws what it throws', async () => {
    await expect(new VirtualClock().run(async () => 42)).resolves.toBe(42);
    const clock = new VirtualClock();
    await expect(
      clock.run(async () => {
        await clock.sleep(10);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });

  it('reports a run that waits on nothing scheduled', async () => {
    const clock = new VirtualClock();
    await expect(clock.run(() => new Promise(() => {}))).rejects.toThrow(
      'stalled',
    );
  });
});

import type { LocalAws } from './emulator.ts';
import { serveLocalAws } from './emulatorFront.ts';
import { isLoopbackPortFree } from './freePort.ts';

// No moto here: a stand-in whose process can be made to exit. The front
// forwards nothing in these tests, so its target is never called.
function fakeMoto() {
  let exit: (reason: string) => void = () => {};
  const exited = new Promise<string>(resolve => {
    exit = resolve;
  });
  const stop = jest.fn(async () => exit('exited with SIGTERM'));
  const aws = {
    endpoint: 'http://127.0.0.1:1',
    exited,
    stop,
  } as unknown as LocalAws;
  return { aws, stop, exit };
}

const quiet = { log: jest.fn(), error: jest.fn() };

describe('serveLocalAws', () => {
  it('starts the front on 127.0.0.1 and, when it closes by itself, stops moto and exits 1', async () => {
    const moto = fakeMoto();
    const served = serveLocalAws(moto.aws, quiet);
    const front = await served.startFront(0);
    expect(front.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    await front.close();
    expect(await served.exitCode).toBe(1);
    expect(moto.stop).toHaveBeenCalledTimes(1);
    expect(quiet.error).toHaveBeenCalledWith(
      'local-aws: the emulator front stopped unexpectedly (closed)',
    );
  });

  it('keeps the front up without an idle timeout or lifetime', async () => {
    const moto = fakeMoto();
    const served = serveLocalAws(moto.aws, quiet);
    const front = await served.startFront(0);
    // Node would fire an Infinity timer at once (TimeoutOverflowWarning).
    const early = await Promise.race([
      front.closed,
      new Promise(resolve => setTimeout(() => resolve('still up'), 50)),
    ]);
    expect(early).toBe('still up');
    await served.stop();
    expect(await front.closed).toBe('closed');
  });

  it('closes the front and exits 1 when moto exits by itself', async () => {
    const moto = fakeMoto();
    const served = serveLocalAws(moto.aws, quiet);
    const front = await served.startFront(0);
    const port = Number(new URL(front.endpoint).port);

    moto.exit('exited with code 1');
    expect(await served.exitCode).toBe(1);
    expect(await front.closed).toBe('closed');
    expect(await isLoopbackPortFree(port)).toBe(true);
    expect(quiet.error).toHaveBeenCalledWith(
      'local-aws: moto exited with code 1 unexpectedly',
    );
  });

  it('does not leave a front running when stopped while it starts', async () => {
    const moto = fakeMoto();
    const served = serveLocalAws(moto.aws, quiet);
    const starting = served.startFront(0);
    await served.stop();
    await expect(starting).rejects.toThrow(
      'stopped while the emulator front started',
    );
    expect(served.stopping()).toBe(true);
    expect(moto.stop).toHaveBeenCalledTimes(1);
  });

  it('leaves no signal handlers behind once stopped', async () => {
    const before = process.listenerCount('SIGTERM');
    const served = serveLocalAws(fakeMoto().aws, quiet);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    await served.stop();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

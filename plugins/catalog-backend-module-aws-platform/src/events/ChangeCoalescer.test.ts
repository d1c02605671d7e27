import { ChangeCoalescer } from './ChangeCoalescer';

type Change = { delegation: boolean };

function setUp(windowMs = 40, handleMs = 0) {
  const batches: Array<Array<[string, Change]>> = [];
  let running = 0;
  let overlapped = false;
  const errors: unknown[] = [];
  const coalescer = new ChangeCoalescer<Change>({
    windowMs,
    merge: (a, b) => ({ delegation: a.delegation || b.delegation }),
    async handle(batch) {
      running++;
      overlapped ||= running > 1;
      batches.push([...batch.entries()]);
      await new Promise(resolve => setTimeout(resolve, handleMs));
      running--;
      if ([...batch.keys()].includes('throws')) throw new Error('boom');
    },
    onError: error => errors.push(error),
  });
  return { coalescer, batches, errors, overlapped: () => overlapped };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('ChangeCoalescer', () => {
  it('hands a burst for one scope over as one change, merged', async () => {
    const { coalescer, batches } = setUp();
    coalescer.add('route53:1', { delegation: false });
    coalescer.add('route53:1', { delegation: true });
    coalescer.add('route53:1', { delegation: false });
    coalescer.add('eks:1:us-east-1', { delegation: false });
    expect(batches).toEqual([]);
    await coalescer.idle();
    expect(batches).toEqual([
      [
        ['route53:1', { delegation: true }],
        ['eks:1:us-east-1', { delegation: false }],
      ],
    ]);
  });

  it('runs one batch at a time and reads a key again when it changed during its batch', async () => {
    const { coalescer, batches, overlapped } = setUp(10, 80);
    coalescer.add('eks:1:us-east-1', { delegation: false });
    await sleep(40); // the batch is running now
    coalescer.add('eks:1:us-east-1', { delegation: false });
    coalescer.add('backup:1:us-east-1', { delegation: false });
    await coalescer.idle();
    expect(batches.map(batch => batch.map(([key]) => key))).toEqual([
      ['eks:1:us-east-1'],
      ['eks:1:us-east-1', 'backup:1:us-east-1'],
    ]);
    expect(overlapped()).toBe(false);
  });

  it('reports a batch that throws and goes on with the next', async () => {
    const { coalescer, batches, errors } = setUp(5);
    coalescer.add('throws', { delegation: false });
    await coalescer.idle();
    coalescer.add('route53:2', { delegation: false });
    await coalescer.idle();
    expect(errors).toEqual([new Error('boom')]);
    expect(batches).toHaveLength(2);
  });

  it('adds a change later, and drops everything once stopped', async () => {
    const { coalescer, batches } = setUp(5);
    coalescer.addLater('eks:1:us-east-1', { delegation: false }, 20);
    await coalescer.idle();
    expect(batches).toHaveLength(1);
    coalescer.addLater('eks:1:us-east-1', { delegation: false }, 20);
    coalescer.add('route53:1', { delegation: false });
    await coalescer.stop();
    coalescer.add('route53:1', { delegation: false });
    await sleep(40);
    expect(batches).toHaveLength(1);
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { RefreshTrigger } from './RefreshTrigger';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function until(done: () => boolean) {
  const deadline = Date.now() + 2_000;
  while (!done() && Date.now() < deadline) await sleep(5);
}

describe('RefreshTrigger', () => {
  it('starts one refresh for the requests of one window', async () => {
    const trigger = jest.fn().mockResolvedValue(undefined);
    const logger = mockServices.logger.mock();
    const refresh = new RefreshTrigger({ trigger, logger, windowMs: 20 });
    refresh.request('MoveAccount');
    refresh.request('TagResource');
    refresh.request('MoveAccount');
    await until(() => !refresh.pending);
    expect(trigger).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      'Started the full refresh early, for MoveAccount, TagResource',
    );
  });

  it('tries again while a refresh runs, then starts one after it', async () => {
    const trigger = jest
      .fn()
      .mockRejectedValueOnce(new ConflictError('Task is currently running'))
      .mockRejectedValueOnce(new ConflictError('Task is currently running'))
      .mockResolvedValue(undefined);
    const refresh = new RefreshTrigger({
      trigger,
      logger: mockServices.logger.mock(),
      windowMs: 5,
      retryDelayMs: 10,
    });
    refresh.request('CreateAccountResult');
    await until(() => !refresh.pending);
    expect(trigger).toHaveBeenCalledTimes(3);
  });

  it('gives up on a task the scheduler does not know, and after the last attempt', async () => {
    const logger = mockServices.logger.mock();
    const unknown = new RefreshTrigger({
      trigger: jest.fn().mockRejectedValue(new NotFoundError('no task')),
      logger,
      windowMs: 5,
    });
    unknown.request('MoveAccount');
    await until(() => !unknown.pending);
    expect(logger.warn).toHaveBeenCalledTimes(1);

    const busy = jest.fn().mockRejectedValue(new ConflictError('running'));
    const bounded = new RefreshTrigger({
      trigger: busy,
      logger,
      windowMs: 5,
      retryDelayMs: 5,
      maxAttempts: 3,
    });
    bounded.request('MoveAccount');
    await until(() => !bounded.pending);
    expect(busy).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('does nothing once stopped', async () => {
    const trigger = jest.fn().mockResolvedValue(undefined);
    const refresh = new RefreshTrigger({
      trigger,
      logger: mockServices.logger.mock(),
      windowMs: 5,
    });
    refresh.request('MoveAccount');
    refresh.stop();
    refresh.request('MoveAccount');
    await sleep(30);
    expect(trigger).not.toHaveBeenCalled();
  });
});

import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

describe(PeriodicTask.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const logger = (): Logger & { error: jest.Mock } =>
    ({ error: jest.fn() }) as unknown as Logger & { error: jest.Mock };

  it('should run at once when asked, then every period', async () => {
    const job = jest.fn().mockResolvedValue(undefined);
    const task = new PeriodicTask('sweep', 1000, job, logger());
    task.start({ runNow: true });
    expect(job).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(3000);
    expect(job).toHaveBeenCalledTimes(4);
    await task.stop();
    await jest.advanceTimersByTimeAsync(3000);
    expect(job).toHaveBeenCalledTimes(4);
  });

  it('should wait a period first when not asked to run at once', async () => {
    const job = jest.fn().mockResolvedValue(undefined);
    const task = new PeriodicTask('sweep', 1000, job, logger());
    task.start({ runNow: false });
    expect(job).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1000);
    expect(job).toHaveBeenCalledTimes(1);
    await task.stop();
  });

  it('should skip a tick while the previous run is still going, and stop() should wait for it', async () => {
    let finish!: () => void;
    const job = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const task = new PeriodicTask('sweep', 1000, job, logger());
    task.start({ runNow: true });
    await jest.advanceTimersByTimeAsync(2500);
    expect(job).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('should log a failed run with its name and keep running', async () => {
    const log = logger();
    const job = jest
      .fn()
      .mockRejectedValueOnce(new Error('disk full'))
      .mockResolvedValue(undefined);
    const task = new PeriodicTask('audit purge', 1000, job, log);
    task.start({ runNow: true });
    await jest.advanceTimersByTimeAsync(1000);
    expect(log.error).toHaveBeenCalledWith('audit purge failed: Error: disk full');
    expect(job).toHaveBeenCalledTimes(2);
    await task.stop();
  });
});

import { Logger } from '@nestjs/common';

/**
 * A background job run every `everyMs` (and once at start when `runNow`): expiry sweeps, purges,
 * syncs. A run never overlaps the one before (a tick that finds one running is skipped); a failure
 * is logged as "<what> failed: …" and never thrown; the timer does not keep the process alive;
 * `stop()` clears it and waits for a run in progress.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly what: string,
    private readonly everyMs: number,
    private readonly job: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(options: { runNow: boolean }): void {
    if (options.runNow) this.tick();
    this.timer = setInterval(() => this.tick(), this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.job()
      .then(
        () => undefined,
        (error: unknown) => this.logger.error(`${this.what} failed: ${String(error)}`),
      )
      .finally(() => {
        this.running = undefined;
      });
  }
}

import { Clock } from '../common/clock';

/**
 * Counts failed sign-ins per account and per client address inside a sliding window.
 * In memory: a restart forgets it, which is acceptable for a lock-out of minutes.
 */
export class LoginAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures: number,
    private readonly windowSeconds: number,
  ) {}

  /** Seconds until the key may try again, or 0 when it is not locked. */
  lockedFor(keys: string[]): number {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.maxFailures) {
        wait = Math.max(wait, Math.ceil((recent[0] + this.windowSeconds * 1000 - now) / 1000));
      }
    }
    return wait;
  }

  fail(keys: string[]): void {
    const now = this.clock.now().getTime();
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < this.windowSeconds * 1000);
  }
}

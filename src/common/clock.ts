import { AsyncLocalStorage } from 'node:async_hooks';

/** Time is injected so tests can fix it; only the system clock below reads the real time. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

// How far back the work running inside `rewound` sees the time; nothing else is affected.
const rewind = new AsyncLocalStorage<number>();

/**
 * The clock the app injects: `base`, read `ms` earlier inside `rewound(ms, …)`. Outside a
 * rewound call (every request, every job) it is `base` unchanged.
 */
export function rewindable(base: Clock): Clock {
  return {
    now: () => {
      const ms = rewind.getStore();
      return ms === undefined ? base.now() : new Date(base.now().getTime() - ms);
    },
  };
}

/**
 * Runs `work` as if it happened `ms` ago, as far as the injected clock can tell: every row it
 * writes is dated then. Only the demo seeding uses it, to give its cohort a past.
 */
export function rewound<T>(ms: number, work: () => Promise<T>): Promise<T> {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot rewind by ${ms} ms`);
  return rewind.run(ms, work);
}

/**
 * Stops tracking rewound contexts once no more will start (Node keeps async hooks on while an
 * AsyncLocalStorage is enabled, which costs every promise a little).
 */
export function endRewinds(): void {
  rewind.disable();
}

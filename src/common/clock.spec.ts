import { endRewinds, rewindable, rewound } from './clock';

describe('rewindable clock', () => {
  const base = { now: () => new Date('2026-11-23T09:00:00.000Z') };
  const clock = rewindable(base);
  const DAY = 86_400_000;

  afterEach(() => endRewinds());

  it('should read the base clock outside a rewound call', () => {
    expect(clock.now().toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('should read earlier inside a rewound call, through awaits and timers', async () => {
    const seen = await rewound(3 * DAY, async () => {
      const first = clock.now().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 1));
      const afterTimer = clock.now().toISOString();
      const nested = await rewound(DAY, async () => clock.now().toISOString());
      return [first, afterTimer, nested, clock.now().toISOString()];
    });
    expect(seen).toEqual([
      '2026-11-20T09:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
      '2026-11-22T09:00:00.000Z',
      '2026-11-20T09:00:00.000Z',
    ]);
    expect(clock.now().toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('should leave work running alongside a rewound call on the base time', async () => {
    let outside = '';
    await Promise.all([
      rewound(DAY, () => new Promise((resolve) => setTimeout(resolve, 5))),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        outside = clock.now().toISOString();
      })(),
    ]);
    expect(outside).toBe('2026-11-23T09:00:00.000Z');
  });

  it('should refuse a negative or unknown rewind', () => {
    expect(() => rewound(-1, async () => 0)).toThrow(RangeError);
    expect(() => rewound(Number.NaN, async () => 0)).toThrow(RangeError);
  });
});

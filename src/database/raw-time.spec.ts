import { rawIso, rawTime } from './raw-time';

describe('raw times', () => {
  it.each([
    ['2026-12-07 09:05:03.042', '2026-12-07T09:05:03.042Z'],
    ['2026-12-07 09:05:03', '2026-12-07T09:05:03.000Z'],
    ['2026-12-07T09:05:03.042Z', '2026-12-07T09:05:03.042Z'],
    ['2026-12-07T10:05:03.042+01:00', '2026-12-07T09:05:03.042Z'],
  ])('should read %s as %s, the same way with and without the SQLite shortcut', (text, iso) => {
    expect(rawIso(text)).toBe(iso);
    expect(rawTime(text)!.toISOString()).toBe(iso);
  });

  it('should pass dates through and keep null as null', () => {
    const date = new Date('2026-12-07T09:05:03.042Z');
    expect(rawTime(date)).toBe(date);
    expect(rawIso(date)).toBe('2026-12-07T09:05:03.042Z');
    expect(rawIso(null)).toBeNull();
    expect(rawTime(undefined)).toBeNull();
  });
});

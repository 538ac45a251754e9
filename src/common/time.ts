/** Milliseconds in a day of UTC time (no daylight saving: every day here is 24 hours). */
export const DAY_MS = 24 * 3600 * 1000;

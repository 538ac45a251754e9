import hbs from 'hbs';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { formatUtc } from './time';

let registered = false;

/** Handlebars helpers and partials, registered once per process (synchronously, unlike hbs.registerPartials). */
export function registerViewHelpers(partialsDir: string): void {
  if (registered) return;
  registered = true;
  for (const file of readdirSync(partialsDir).filter((name) => extname(name) === '.hbs')) {
    hbs.registerPartial(basename(file, '.hbs'), readFileSync(join(partialsDir, file), 'utf8'));
  }
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper(
    'includes',
    (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item),
  );
  hbs.registerHelper('details', (value: unknown) => detailLines(value));
  hbs.registerHelper('date', (value: unknown) => formatDate(value, false));
  hbs.registerHelper('datetime', (value: unknown) => formatDate(value, true));
  hbs.registerHelper('percent', (value: unknown) =>
    typeof value === 'number' ? `${Math.round(value)} %` : '–',
  );
  hbs.registerHelper('join', (list: unknown, separator: unknown) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
  );
  hbs.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
}

/**
 * An audit entry's summary as lines a person reads: nested fields by their path ("to › state"),
 * names in words ("scenario id"), lists joined, yes/no for flags; empty values left out.
 */
export function detailLines(value: unknown, prefix = ''): { label: string; value: string }[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return prefix ? [{ label: prefix, value: plainValue(value) }] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => {
    if (item === null || item === undefined || item === '') return [];
    const label = prefix ? `${prefix} › ${wordsOf(key)}` : wordsOf(key);
    return typeof item === 'object' && !Array.isArray(item)
      ? detailLines(item, label)
      : [{ label, value: plainValue(item) }];
  });
}

function wordsOf(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function plainValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value))
    return value.every((item) => item === null || typeof item !== 'object')
      ? value.join(', ')
      : JSON.stringify(value);
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** A share (0–1) as a whole percentage for a page; "–" when there is none. */
export function percentOf(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)} %`;
}

function formatDate(value: unknown, withTime: boolean): string {
  if (value === null || value === undefined || value === '') return '–';
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return '–';
  return formatUtc(date, withTime);
}

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
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2));
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

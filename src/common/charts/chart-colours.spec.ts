import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The colours the stylesheets give chart segments must stand out from the white gap that
// parts neighbouring segments (and from the page), 3:1 as WCAG 1.4.11 asks of graphics.
const CSS = join(__dirname, '..', '..', '..', 'public', 'css');
const sheets = ['app.css', 'reports.css'].map((name) => readFileSync(join(CSS, name), 'utf8'));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const linear = (c: number): number => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('Chart segment colours', () => {
  const variables = new Map(
    [...sheets[0].matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1], m[2]]),
  );
  const fills = sheets.flatMap((sheet) =>
    [...sheet.matchAll(/svg\.chart [^{]*\.seg[^{]*\{\s*fill:\s*([^;]+);/g)].map((m) => {
      const value = m[1].trim();
      const variable = /^var\(--([a-z-]+)\)$/.exec(value);
      return variable ? (variables.get(variable[1]) ?? value) : value;
    }),
  );

  it('should find the segment colours and the white gap between segments', () => {
    expect(fills.length).toBeGreaterThanOrEqual(5);
    expect(sheets[0]).toMatch(/svg\.chart rect\.seg \{ stroke: #fff; stroke-width: 2px; \}/);
  });

  it('should give every segment colour at least 3:1 against white', () => {
    for (const fill of fills) {
      expect(fill).toMatch(/^#[0-9a-fA-F]{6}$/);
      expect({ fill, ratio: contrast(fill, '#ffffff') >= 3 }).toEqual({ fill, ratio: true });
    }
  });

  it('should compute contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

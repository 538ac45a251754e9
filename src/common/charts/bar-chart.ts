/** One part of a bar: a series (`key`, also its CSS class) and its value. */
export interface BarSegment {
  key: string;
  value: number;
}

export interface Bar {
  label: string;
  segments: BarSegment[];
}

export interface BarChart {
  /** Unique on the page: ids of the title and description derive from it. */
  id: string;
  title: string;
  description: string;
  /** The series in stacking order, with their legend labels. */
  series: { key: string; label: string }[];
  bars: Bar[];
  /** Scale end (100 for percentages); the largest bar total otherwise. */
  max?: number;
  /** Appended to the value printed after each bar (" %"). */
  unit?: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 56;
const ROW = 26;
const BAR = 16;
const LEGEND = 24;

/**
 * A horizontal (stacked) bar chart as accessible inline SVG: role="img" labelled by its
 * <title> and <desc>, every segment with its own <title> for hover. Pure: text in, text out.
 */
export function barChartSvg(chart: BarChart): string {
  const legend = chart.series.length > 1 ? LEGEND : 0;
  const height = legend + Math.max(chart.bars.length, 1) * ROW + 8;
  const totals = chart.bars.map((bar) =>
    bar.segments.reduce((sum, segment) => sum + segment.value, 0),
  );
  const max = chart.max ?? Math.max(1, ...totals);
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const labels = new Map(chart.series.map((series) => [series.key, series.label]));
  const id = chart.id.replace(/[^A-Za-z0-9_-]/g, '-');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" aria-labelledby="${id}-title ${id}-desc" data-chart="${id}">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(chart.description)}</desc>`,
  ];
  if (legend) {
    let x = LABEL_WIDTH;
    for (const series of chart.series) {
      parts.push(
        `<rect class="seg seg-${cssKey(series.key)}" x="${x}" y="4" width="12" height="12"/>`,
        `<text class="legend" x="${x + 16}" y="14">${escapeXml(series.label)}</text>`,
      );
      x += 24 + series.label.length * 7;
    }
  }
  if (chart.bars.length === 0)
    parts.push(`<text class="empty" x="${LABEL_WIDTH}" y="${legend + 18}">No data</text>`);
  chart.bars.forEach((bar, index) => {
    const y = legend + index * ROW + 4;
    parts.push(
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 12}" text-anchor="end">${escapeXml(truncate(bar.label, 24))}</text>`,
    );
    let x = LABEL_WIDTH;
    for (const segment of bar.segments) {
      if (segment.value <= 0) continue;
      const width = Math.max(1, (segment.value / max) * plot);
      parts.push(
        `<rect class="seg seg-${cssKey(segment.key)}" x="${round(x)}" y="${y}" width="${round(width)}" height="${BAR}"><title>${escapeXml(
          `${bar.label}: ${labels.get(segment.key) ?? segment.key} ${formatNumber(segment.value)}${chart.unit ?? ''}`,
        )}</title></rect>`,
      );
      x += width;
    }
    parts.push(
      `<text class="value" x="${round(Math.min(x, LABEL_WIDTH + plot) + 6)}" y="${y + 12}">${escapeXml(
        formatNumber(totals[index]) + (chart.unit ?? ''),
      )}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function cssKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '-');
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

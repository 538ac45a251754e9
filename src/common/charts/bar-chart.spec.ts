import { barChartSvg } from './bar-chart';

describe('barChartSvg', () => {
  const chart = {
    id: 'pass-rates',
    title: 'Exam pass rate',
    description: 'Share of finished attempts that passed, per exam',
    series: [{ key: 'passed', label: 'Passed' }],
    bars: [
      { label: 'Final <exam>', segments: [{ key: 'passed', value: 50 }] },
      { label: 'Privacy', segments: [{ key: 'passed', value: 100 }] },
    ],
    max: 100,
    unit: ' %',
  };

  it('should label the chart with its title and description for screen readers', () => {
    const svg = barChartSvg(chart);
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*aria-labelledby="pass-rates-title pass-rates-desc"/,
    );
    expect(svg).toContain('<title id="pass-rates-title">Exam pass rate</title>');
    expect(svg).toContain(
      '<desc id="pass-rates-desc">Share of finished attempts that passed, per exam</desc>',
    );
  });

  it('should scale bars to the maximum and escape labels when values are given', () => {
    const svg = barChartSvg(chart);
    // The plot is 640 - 170 - 56 = 414 wide: 50 % is 207, 100 % the whole plot.
    expect(svg).toContain('width="207" height="16"><title>Final &lt;exam&gt;: Passed 50 %</title>');
    expect(svg).toContain('width="414" height="16"><title>Privacy: Passed 100 %</title>');
    expect(svg).not.toContain('<exam>');
  });

  it('should stack segments with a legend when there are several series', () => {
    const svg = barChartSvg({
      id: 'status',
      title: 'Status',
      description: 'd',
      series: [
        { key: 'certified', label: 'Certified' },
        { key: 'expired', label: 'Expired' },
      ],
      bars: [
        {
          label: 'North',
          segments: [
            { key: 'certified', value: 3 },
            { key: 'expired', value: 1 },
          ],
        },
      ],
    });
    expect(svg).toContain('<text class="legend"');
    expect(svg.match(/class="seg seg-certified"/g)).toHaveLength(2);
    expect(svg).toContain('>4</text>');
  });

  it('should say there is no data when there are no bars', () => {
    expect(barChartSvg({ ...chart, bars: [] })).toContain('No data');
  });
});

import { renderMarkdown, secondLevelHeadings } from './course-markdown';

describe(renderMarkdown.name, () => {
  it('should render headings, lists, tables, quotes, code and emphasis', () => {
    const html = renderMarkdown(
      '## Title\n\n- one\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n> quote\n\n`code` *em* **strong**\n',
    );
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<th style="text-align:left">a</th>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code>code</code> <em>em</em> <strong>strong</strong>');
  });

  it('should never let a script, an event handler or a javascript: URL through', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<a href="#" onclick="x()">a</a>\n\n[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1))\n\n<iframe src="//evil"></iframe>\n',
    );
    expect(html).not.toMatch(/<script|<iframe|<a href="#"|<[^>]*\son\w+=|href="javascript:/i);
  });
});

describe(secondLevelHeadings.name, () => {
  it('should list the ## headings only', () => {
    expect(secondLevelHeadings('# A\n\n## Worked example\n\n### Sub\n\n## Summary ')).toEqual([
      'Worked example',
      'Summary',
    ]);
  });
});

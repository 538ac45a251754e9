import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, ContentIssue } from './content-issue';
import { ContentFiles, ContentKind } from './content-kind';
import { loadContent } from './load-content';
import { parseYaml } from './yaml-source';

interface Widget {
  id: string;
  parts: { name: string }[];
}

// A small kind standing in for the real ones: YAML files with an id and named parts.
const widgets: ContentKind<Widget> = {
  key: 'widgets',
  load(files: ContentFiles) {
    const items: Widget[] = [];
    const issues: ContentIssue[] = [];
    for (const file of files.list('widgets', ['.yaml'])) {
      const parsed = parseYaml(files.display(file), files.read(file));
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const data = parsed.source.data as Widget;
      data.parts.forEach((part, index) => {
        if (!part.name)
          issues.push(parsed.source.issueAt(['parts', index, 'name'], 'a part needs a name'));
      });
      items.push(data);
    }
    return { items, issues };
  },
  crossCheck: (_catalogue, items) =>
    items.length > 1 && items[0].id === items[1].id
      ? [{ file: 'widgets', reason: `duplicate id ${items[0].id}` }]
      : [],
};

function contentDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function issuesOf(run: () => unknown): ContentIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error.issues;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe(loadContent.name, () => {
  it('should load every valid file of a kind in name order', () => {
    const root = contentDir({
      'widgets/b.yaml': 'id: b\nparts: [{name: x}]\n',
      'widgets/a.yaml': 'id: a\nparts: []\n',
    });
    expect(
      loadContent(root, [widgets as ContentKind<unknown>])
        .get(widgets)
        .map((w) => w.id),
    ).toEqual(['a', 'b']);
  });

  it('should name the file, line and field path of a missing field', () => {
    const root = contentDir({ 'widgets/a.yaml': 'id: a\nparts:\n  - name: ok\n  - size: 3\n' });
    const [issue] = issuesOf(() => loadContent(root, [widgets as ContentKind<unknown>]));
    expect(issue).toEqual({
      file: expect.stringMatching(/widgets\/a\.yaml$/),
      line: 4,
      path: 'parts[1].name',
      reason: 'a part needs a name',
    });
  });

  it('should report YAML syntax errors and duplicate keys with their line', () => {
    const root = contentDir({
      'widgets/a.yaml': 'id: a\nparts: [\n',
      'widgets/b.yaml': 'id: b\nid: c\nparts: []\n',
    });
    const issues = issuesOf(() => loadContent(root, [widgets as ContentKind<unknown>]));
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({
      file: expect.stringMatching(/a\.yaml$/),
      reason: expect.stringMatching(/^YAML: /),
    });
    expect(issues[1]).toMatchObject({
      file: expect.stringMatching(/b\.yaml$/),
      line: 2,
      reason: expect.stringMatching(/unique/i),
    });
  });

  it('should run cross-checks only once every file loaded cleanly', () => {
    const root = contentDir({
      'widgets/a.yaml': 'id: same\nparts: []\n',
      'widgets/b.yaml': 'id: same\nparts: []\n',
    });
    expect(issuesOf(() => loadContent(root, [widgets as ContentKind<unknown>]))).toEqual([
      { file: 'widgets', reason: 'duplicate id same' },
    ]);
  });

  it('should refuse a content folder that does not exist', () => {
    expect(issuesOf(() => loadContent('/nonexistent/content', []))[0].reason).toMatch(
      /does not exist/,
    );
  });
});

describe(parseYaml.name, () => {
  it('should add the front-matter offset to line numbers', () => {
    const parsed = parseYaml('x.md', 'title: t\nobjectives:\n  - one\n', 1);
    expect(parsed.ok && parsed.source.lineOf(['objectives', 0])).toBe(4);
  });
});

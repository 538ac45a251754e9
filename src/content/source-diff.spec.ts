import { sourceDiff } from './source-diff';

const numbered = (count: number, changed: Record<number, string> = {}): string =>
  Array.from({ length: count }, (_, i) => changed[i + 1] ?? `line ${i + 1}`).join('\n');

describe('sourceDiff', () => {
  it('should find nothing between equal texts, whatever their line endings', () => {
    expect(sourceDiff('a: 1\nb: 2\n', 'a: 1\r\nb: 2')).toEqual({ added: 0, removed: 0, hunks: [] });
  });

  it('should show a changed line as removed then added, with three lines of context and both numbers', () => {
    const diff = sourceDiff(numbered(20), numbered(20, { 10: 'passMark: 80' }));
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.hunks).toHaveLength(1);
    const [hunk] = diff.hunks;
    expect(hunk.beforeStart).toBe(7);
    expect(hunk.afterStart).toBe(7);
    expect(
      hunk.lines.map((line) => `${line.kind} ${line.before} ${line.after} ${line.text}`),
    ).toEqual([
      'same 7 7 line 7',
      'same 8 8 line 8',
      'same 9 9 line 9',
      'removed 10 null line 10',
      'added null 10 passMark: 80',
      'same 11 11 line 11',
      'same 12 12 line 12',
      'same 13 13 line 13',
    ]);
  });

  it('should keep changes far apart in separate hunks and join close ones', () => {
    const far = sourceDiff(numbered(30), numbered(30, { 2: 'x', 25: 'y' }));
    expect(far.hunks.map((hunk) => [hunk.beforeStart, hunk.lines.length])).toEqual([
      [1, 6],
      [22, 8],
    ]);
    const close = sourceDiff(numbered(30), numbered(30, { 10: 'x', 15: 'y' }));
    expect(close.hunks).toHaveLength(1);
  });

  it('should number lines added at the end and removed at the start', () => {
    const grown = sourceDiff('a\nb', 'a\nb\nc\nd');
    expect(grown).toMatchObject({ added: 2, removed: 0 });
    expect(grown.hunks[0].lines.filter((line) => line.kind === 'added')).toEqual([
      { kind: 'added', text: 'c', before: null, after: 3 },
      { kind: 'added', text: 'd', before: null, after: 4 },
    ]);
    const shrunk = sourceDiff('a\nb\nc', 'c');
    expect(shrunk).toMatchObject({ added: 0, removed: 2 });
    expect(shrunk.hunks[0].afterStart).toBe(1);
  });

  it('should compare against an empty text (a first version)', () => {
    const first = sourceDiff('', 'id: x\ntitle: X\n');
    expect(first).toMatchObject({ added: 2, removed: 0 });
    expect(first.hunks[0].lines.map((line) => line.text)).toEqual(['id: x', 'title: X']);
  });
});

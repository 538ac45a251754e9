import { diffLines } from 'diff';

/** One line of a comparison: kept, added or removed, with its number in each text it is in. */
export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** Its line number in the older text (null for an added line). */
  before: number | null;
  /** Its line number in the newer text (null for a removed line). */
  after: number | null;
}

/** A run of changed lines with a few unchanged ones around them, as a reviewer reads it. */
export interface DiffHunk {
  /** First line of the hunk in the older and the newer text (1-based). */
  beforeStart: number;
  afterStart: number;
  lines: DiffLine[];
}

export interface SourceDiff {
  added: number;
  removed: number;
  /** Empty when the texts are the same line for line. */
  hunks: DiffHunk[];
}

/** Unchanged lines shown on each side of a change. */
const CONTEXT = 3;

/**
 * What changed from one YAML text to another, line by line (jsdiff's Myers diff), grouped into
 * hunks with three unchanged lines of context: how the editors show a version's changes.
 */
export function sourceDiff(before: string, after: string): SourceDiff {
  const lines: DiffLine[] = [];
  let beforeLine = 1;
  let afterLine = 1;
  for (const change of diffLines(withNewline(before), withNewline(after))) {
    for (const text of change.value.replace(/\n$/, '').split('\n')) {
      if (change.added) lines.push({ kind: 'added', text, before: null, after: afterLine++ });
      else if (change.removed)
        lines.push({ kind: 'removed', text, before: beforeLine++, after: null });
      else lines.push({ kind: 'same', text, before: beforeLine++, after: afterLine++ });
    }
  }
  return {
    added: lines.filter((line) => line.kind === 'added').length,
    removed: lines.filter((line) => line.kind === 'removed').length,
    hunks: hunksOf(lines),
  };
}

function hunksOf(lines: DiffLine[]): DiffHunk[] {
  // Which lines to show: every change and CONTEXT lines either side of it.
  const shown = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(lines.length - 1, i + CONTEXT); j++)
      shown[j] = true;
  });
  const hunks: DiffHunk[] = [];
  let current: DiffLine[] | null = null;
  lines.forEach((line, i) => {
    if (!shown[i]) {
      current = null;
      return;
    }
    if (!current) {
      current = [];
      hunks.push({ beforeStart: 0, afterStart: 0, lines: current });
    }
    current.push(line);
  });
  for (const hunk of hunks) {
    hunk.beforeStart = firstNumber(hunk.lines, 'before');
    hunk.afterStart = firstNumber(hunk.lines, 'after');
  }
  return hunks;
}

// The hunk's first line number in one text; for a hunk with no line of that text (everything
// added, or everything removed), the line it comes after, as unified diffs count.
function firstNumber(lines: DiffLine[], side: 'before' | 'after'): number {
  const first = lines.find((line) => line[side] !== null);
  return first?.[side] ?? 0;
}

function withNewline(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return normalised === '' || normalised.endsWith('\n') ? normalised : `${normalised}\n`;
}

/**
 * Moodle reads a GIFT file question by question: blank lines separate questions, `//` lines
 * are comments (which may carry `[id:…]` and `[tag:…]`), and `$CATEGORY:` switches the
 * category of the questions that follow. Splitting the same way lets one broken question be
 * reported on its own instead of losing the file.
 */
export interface GiftBlock {
  /** The question text without its comment lines. */
  text: string;
  /** Original line number (1-based) of each line of `text`. */
  lines: number[];
  id: string | null;
  tags: string[];
  category: string | null;
}

const CATEGORY = /^\s*\$CATEGORY:\s*(.*)$/;
// Moodle's context prefix and root of category paths (`$course$/top/Default for…`).
const CONTEXT_PREFIX = /^\$(?:course|system|module|cat\d*)\$\/?(?:top\/)?/;

export function splitGiftBlocks(source: string): GiftBlock[] {
  // A leading BOM would otherwise glue itself to the first line (gift-pegjs then sees a Description).
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: GiftBlock[] = [];
  let category: string | null = null;
  let current: { text: string[]; lines: number[]; comments: string[] } = {
    text: [],
    lines: [],
    comments: [],
  };
  const flush = (): void => {
    if (current.text.length) {
      const comments = current.comments.join('\n');
      const id = ID_COMMENT.exec(comments)?.[1]?.trim() ?? null;
      const tags = [...comments.matchAll(TAG_COMMENT)].map((match) => match[1].trim());
      blocks.push({ text: current.text.join('\n'), lines: current.lines, id, tags, category });
    }
    current = { text: [], lines: [], comments: [] };
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') return flush();
    if (line.trim().startsWith('//')) return void current.comments.push(line);
    const categoryLine = CATEGORY.exec(line);
    if (categoryLine && current.text.length === 0) {
      category = categoryLine[1].trim().replace(CONTEXT_PREFIX, '').trim() || null;
      return;
    }
    current.text.push(line);
    current.lines.push(index + 1);
  });
  flush();
  return blocks;
}

/** Position of the first `{` and its `}` that are not escaped with `\`, or null (a description). */
export function answerBraces(text: string): { open: number; close: number } | null {
  const unescaped = (from: number, char: string): number => {
    for (let i = from; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === char) return i;
    }
    return -1;
  };
  const open = unescaped(0, '{');
  const close = open < 0 ? -1 : unescaped(open + 1, '}');
  return open < 0 || close < 0 ? null : { open, close };
}

// Moodle's patterns for `// [id:…]` and `// [tag:…]` (no control characters inside).
// eslint-disable-next-line no-control-regex
const ID_COMMENT = /\[id:([^\x00-\x1F\x7F]+?)]/;
// eslint-disable-next-line no-control-regex
const TAG_COMMENT = /\[tag:([^\x00-\x1F\x7F]+?)]/g;
const TRUE_FALSE = ['T', 'TRUE', 'F', 'FALSE'];

/**
 * Rewrites the answer part where gift-pegjs 1.0.2 reads a question differently from Moodle,
 * so the parser sees what Moodle would import:
 * - one-line numerical with a wrong-answer feedback, `{#3:2~#text}`: gift-pegjs rejects it,
 *   Moodle reads `{#=3:2 ~#text}`;
 * - a single short answer without `=` (`{True}`, `{Tokyo}`): gift-pegjs starts reading it as
 *   true/false and throws on the rest; Moodle imports a short answer, written `{=True}`.
 */
export function normalizeForParser(text: string): string {
  const braces = answerBraces(text);
  if (!braces) return text;
  const answer = text.slice(braces.open + 1, braces.close);
  const trimmed = answer.trim();
  let fixed = answer;
  if (trimmed.startsWith('#')) {
    const body = trimmed.slice(1).trimStart();
    if (body && !/^[=~]/.test(body) && hasUnescaped(body, '~')) fixed = ` #=${body} `;
  } else if (
    trimmed !== '' &&
    !trimmed.startsWith('=') &&
    !hasUnescaped(trimmed, '~') &&
    !isMatching(trimmed)
  ) {
    const beforeFeedback = trimmed.split(/(?<!\\)#/)[0].trim();
    if (!TRUE_FALSE.includes(beforeFeedback)) fixed = `=${trimmed}`;
  }
  return text.slice(0, braces.open + 1) + fixed + text.slice(braces.close);
}

function hasUnescaped(text: string, char: string): boolean {
  return new RegExp(`(?<!\\\\)\\${char}`).test(text);
}

function isMatching(answer: string): boolean {
  return hasUnescaped(answer, '=') && answer.includes('->');
}

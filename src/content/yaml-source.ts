import { isNode, LineCounter, parseDocument } from 'yaml';
import { ContentIssue, formatPath } from './content-issue';

/** A parsed YAML text that can say on which line a field stands. */
export interface YamlSource {
  data: unknown;
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** An issue at a field path, with the nearest line the path reaches. */
  issueAt(path: readonly (string | number)[], reason: string): ContentIssue;
}

export function parseYaml(
  file: string,
  text: string,
  lineOffset = 0,
): { ok: true; source: YamlSource } | { ok: false; issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line + lineOffset,
        reason: `YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    // Walk back up the path until a node exists (a missing field is reported at its parent).
    for (let depth = path.length; depth >= 0; depth--) {
      const node: unknown =
        depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset;
    }
    return undefined;
  };
  const source: YamlSource = {
    data: document.toJS(),
    lineOf,
    issueAt: (path, reason) => ({
      file,
      line: lineOf(path),
      path: path.length ? formatPath(path) : undefined,
      reason,
    }),
  };
  return { ok: true, source };
}

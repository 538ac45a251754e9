import { FieldError } from '../common/domain-error';
import { ContentIssue, splitDottedPath } from './content-issue';
import { parseYaml } from './yaml-source';

// What the in-app editors (scenarios, exams) share about the YAML text a trainer is writing.

/** One problem in the text as an editor lists it: its line, its field path, and why. */
export interface SourceIssue {
  line?: number;
  path?: string;
  message: string;
}

export function sourceIssue(issue: ContentIssue): SourceIssue {
  return {
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(issue.path !== undefined ? { path: issue.path } : {}),
    message: issue.reason,
  };
}

/** Every issue as `source.<field path>` with its line, as the API's error tree has it. */
export function sourceFieldErrors(issues: readonly SourceIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: ['source', ...(issue.path ? dotted(issue.path) : [])].join('.'),
    messages: [issue.line !== undefined ? `line ${issue.line}: ${issue.message}` : issue.message],
  }));
}

/** The text's `title`, trimmed, or the fallback when it has none (or does not parse). */
export function sourceTitle(file: string, source: string, fallback: string): string {
  const parsed = parseYaml(file, source);
  const data = parsed.ok ? (parsed.source.data as { title?: unknown } | null) : undefined;
  const title = typeof data?.title === 'string' && data.title.trim() ? data.title.trim() : fallback;
  return title.slice(0, 200);
}

// `steps[2].calibration[0]` (as authors read it) → ['steps', '2', 'calibration', '0'].
function dotted(path: string): string[] {
  return splitDottedPath(path.replace(/\[(\d+)\]/g, '.$1')).map(String);
}

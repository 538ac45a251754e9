/** One problem in an authored file: where (file, line, field path) and why. */
export interface ContentIssue {
  file: string;
  line?: number;
  path?: string;
  reason: string;
}

export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.reason}`;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(
      `content/ has ${issues.length} problem(s):\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

/** Dotted or array paths as authors read them: `steps[2].rubric.weights`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

/** `check.1.choices.0.text` (class-validator) → ['check', 1, 'choices', 0, 'text']. */
export function splitDottedPath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

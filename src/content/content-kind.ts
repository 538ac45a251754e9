import { ContentIssue } from './content-issue';

/** Read access to the content folder, relative paths in and out (so messages name `content/...`). */
export interface ContentFiles {
  root: string;
  /** Files directly inside a folder (relative to the content root), sorted by name. */
  list(folder: string, extensions: readonly string[]): string[];
  /** Sub-folders of a folder, sorted by name. */
  folders(folder: string): string[];
  read(file: string): string;
  /** The path to show in messages: `content/rubrics/default.yaml`. */
  display(file: string): string;
}

/** One kind of authored content (rubrics, courses, exams…): how to load it and how to check it. */
export interface ContentKind<T> {
  key: string;
  load(files: ContentFiles): { items: T[]; issues: ContentIssue[] };
  /** Checks that need other kinds (references between files); runs once everything is loaded. */
  crossCheck?(catalogue: ContentCatalogue, items: T[]): ContentIssue[];
}

/** Everything loaded from content/, by kind. */
export class ContentCatalogue {
  private readonly byKind = new Map<string, unknown[]>();

  set<T>(kind: ContentKind<T>, items: T[]): void {
    this.byKind.set(kind.key, items);
  }

  get<T>(kind: ContentKind<T>): T[] {
    return (this.byKind.get(kind.key) ?? []) as T[];
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.byKind].map(([key, items]) => [key, items.length]));
  }
}

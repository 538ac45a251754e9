import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { ContentError, ContentIssue } from './content-issue';
import { ContentCatalogue, ContentFiles, ContentKind } from './content-kind';

export function contentFiles(root: string): ContentFiles {
  const base = relative(process.cwd(), root) || '.';
  const entries = (folder: string): string[] => {
    const dir = join(root, folder);
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  };
  return {
    root,
    list: (folder, extensions) =>
      entries(folder)
        .filter(
          (name) =>
            extensions.includes(extname(name)) && statSync(join(root, folder, name)).isFile(),
        )
        .map((name) => join(folder, name)),
    folders: (folder) =>
      entries(folder)
        .filter((name) => statSync(join(root, folder, name)).isDirectory())
        .map((name) => join(folder, name)),
    read: (file) => readFileSync(join(root, file), 'utf8'),
    display: (file) => join(base, file),
  };
}

/** Loads and validates every kind; any problem anywhere stops with all problems listed. */
export function loadContent(
  root: string,
  kinds: readonly ContentKind<unknown>[],
): ContentCatalogue {
  if (!existsSync(root))
    throw new ContentError([{ file: root, reason: 'the content folder does not exist' }]);
  const files = contentFiles(root);
  const catalogue = new ContentCatalogue();
  const issues: ContentIssue[] = [];
  for (const kind of kinds) {
    const loaded = kind.load(files);
    catalogue.set(kind, loaded.items);
    issues.push(...loaded.issues);
  }
  if (issues.length === 0) {
    for (const kind of kinds)
      issues.push(...(kind.crossCheck?.(catalogue, catalogue.get(kind)) ?? []));
  }
  if (issues.length > 0) throw new ContentError(issues);
  return catalogue;
}

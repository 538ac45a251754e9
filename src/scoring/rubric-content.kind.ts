import { basename, extname } from 'node:path';
import { ContentIssue } from '../content/content-issue';
import { ContentKind } from '../content/content-kind';
import { parseYaml } from '../content/yaml-source';
import { checkCalibration, parseRubric, Rubric } from './engine';
import { sharedEngine } from './shared-engine';

/** content/rubrics/*.yaml: each a rubric whose id is its file name and whose calibration examples must land in their bands. */
export const RUBRICS: ContentKind<Rubric> = {
  key: 'rubrics',
  load(files) {
    const items: Rubric[] = [];
    const issues: ContentIssue[] = [];
    for (const file of files.list('rubrics', ['.yaml', '.yml'])) {
      const shown = files.display(file);
      const parsed = parseYaml(shown, files.read(file));
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const { source } = parsed;
      const result = parseRubric(source.data);
      if (!result.ok) {
        issues.push(...result.issues.map((issue) => source.issueAt(issue.path, issue.reason)));
        continue;
      }
      const expectedId = basename(file, extname(file));
      if (result.rubric.id !== expectedId) {
        issues.push(source.issueAt(['id'], `the id must match the file name ("${expectedId}")`));
        continue;
      }
      const misses = checkCalibration(sharedEngine(), result.rubric);
      issues.push(...misses.map((issue) => source.issueAt(issue.path, issue.reason)));
      items.push(result.rubric);
    }
    return { items, issues };
  },
};

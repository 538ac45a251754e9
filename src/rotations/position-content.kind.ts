import { basename, extname } from 'node:path';
import { PROGRAMMES } from '../certifications/programme-content.kind';
import { ContentIssue } from '../content/content-issue';
import { ContentKind } from '../content/content-kind';
import { parseYaml, YamlSource } from '../content/yaml-source';
import { inAppReferenceIssue } from '../content/in-app-reference';
import { EXAMS } from '../exams/exam-content.kind';
import { SCENARIOS } from '../simulations/scenario-content.kind';
import { PositionDefinition, parsePositionDefinition } from './position-definition';

export const POSITIONS_FOLDER = 'positions';
const sources = new WeakMap<PositionDefinition, YamlSource>();

/**
 * content/positions/<id>.yaml: the positions people rotate through. Once everything is loaded,
 * the programmes, exams and scenarios a position asks for must exist.
 */
export const POSITIONS: ContentKind<PositionDefinition> = {
  key: 'positions',
  load(files) {
    const items: PositionDefinition[] = [];
    const issues: ContentIssue[] = [];
    for (const file of files.list(POSITIONS_FOLDER, ['.yaml', '.yml'])) {
      const parsed = parseYaml(files.display(file), files.read(file));
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const { source } = parsed;
      const result = parsePositionDefinition(source.data);
      if (!result.ok) {
        issues.push(...result.issues.map((issue) => source.issueAt(issue.path, issue.reason)));
        continue;
      }
      const expectedId = basename(file, extname(file));
      if (result.position.id !== expectedId) {
        issues.push(source.issueAt(['id'], `the id must match the file name ("${expectedId}")`));
        continue;
      }
      sources.set(result.position, source);
      items.push(result.position);
    }
    return { items, issues };
  },
  crossCheck(catalogue, positions) {
    const exams = new Set(catalogue.get(EXAMS).map((exam) => exam.id));
    const scenarios = new Set(catalogue.get(SCENARIOS).map((item) => item.scenario.id));
    // Programmes are checked only when their kind is loaded (it ships with certifications).
    const programmes =
      PROGRAMMES.key in catalogue.counts()
        ? new Set(catalogue.get(PROGRAMMES).map((programme) => programme.id))
        : null;
    const issues: ContentIssue[] = [];
    for (const position of positions) {
      const source = sources.get(position);
      const at = (path: (string | number)[], reason: string): ContentIssue =>
        source ? source.issueAt(path, reason) : { file: position.id, path: path.join('.'), reason };
      position.requires.certificates.forEach((id, i) => {
        if (programmes && !programmes.has(id))
          issues.push(
            at(['requires', 'certificates', i], `no programme "${id}" in content/programmes`),
          );
      });
      position.requires.exams.forEach((item, i) => {
        const issue = inAppReferenceIssue('exam', item.exam, item.writtenInApp, exams);
        if (issue) issues.push(at(['requires', 'exams', i, 'exam'], issue));
      });
      const inApp = new Set(position.requires.scenariosWrittenInApp);
      position.requires.scenariosPassed.forEach((id, i) => {
        const issue = inAppReferenceIssue('scenario', id, inApp.has(id), scenarios);
        if (issue) issues.push(at(['requires', 'scenariosPassed', i], issue));
      });
    }
    return issues;
  },
};

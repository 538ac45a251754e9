import { basename, extname } from 'node:path';
import { ContentKind } from '../content/content-kind';
import { ContentIssue } from '../content/content-issue';
import { parseYaml, YamlSource } from '../content/yaml-source';
import { assignQuestions, matchesSource, PoolQuestion } from './engine';
import { EXAM_BANKS } from './exam-bank-content.kind';
import { ExamDefinition, parseExamDefinition } from './exam-definition';

export const EXAMS_FOLDER = 'exams';
const sources = new WeakMap<ExamDefinition, YamlSource>();

/**
 * content/exams/<id>.yaml: exam definitions. Once the banks are loaded, every section must be
 * satisfiable: enough matching questions, and distinct ones where sections overlap.
 */
export const EXAMS: ContentKind<ExamDefinition> = {
  key: 'exams',
  load(files) {
    const items: ExamDefinition[] = [];
    const issues: ContentIssue[] = [];
    for (const file of files.list(EXAMS_FOLDER, ['.yaml', '.yml'])) {
      const parsed = parseYaml(files.display(file), files.read(file));
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const { source } = parsed;
      const result = parseExamDefinition(source.data);
      if (!result.ok) {
        issues.push(...result.issues.map((issue) => source.issueAt(issue.path, issue.reason)));
        continue;
      }
      const expectedId = basename(file, extname(file));
      if (result.exam.id !== expectedId) {
        issues.push(source.issueAt(['id'], `the id must match the file name ("${expectedId}")`));
        continue;
      }
      sources.set(result.exam, source);
      items.push(result.exam);
    }
    return { items, issues };
  },
  crossCheck(catalogue, exams) {
    const banks = catalogue.get(EXAM_BANKS);
    const pool: PoolQuestion[] = banks.flatMap((bank) =>
      bank.questions.map((question) => ({ bankId: bank.id, question })),
    );
    const issues: ContentIssue[] = [];
    for (const exam of exams) {
      const source = sources.get(exam);
      const at = (path: (string | number)[], reason: string): ContentIssue =>
        source ? source.issueAt(path, reason) : { file: exam.id, path: path.join('.'), reason };
      const candidates = exam.sections.map((section) =>
        pool.filter((item) => matchesSource(item, section.from)),
      );
      let satisfiable = true;
      exam.sections.forEach((section, index) => {
        if (
          section.from.bank !== undefined &&
          !banks.some((bank) => bank.id === section.from.bank)
        ) {
          issues.push(
            at(
              ['sections', index, 'from', 'bank'],
              `no bank "${section.from.bank}" in content/exams/banks`,
            ),
          );
          satisfiable = false;
        } else if (candidates[index].length < section.draw) {
          issues.push(
            at(
              ['sections', index, 'draw'],
              `draws ${section.draw} but only ${candidates[index].length} questions match`,
            ),
          );
          satisfiable = false;
        }
      });
      if (satisfiable && !assignQuestions(exam.sections, candidates))
        issues.push(
          at(
            ['sections'],
            'the sections overlap: the banks cannot give every section different questions',
          ),
        );
    }
    return issues;
  },
};

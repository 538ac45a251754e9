import { basename, extname } from 'node:path';
import { ContentKind } from '../content/content-kind';
import { ContentIssue } from '../content/content-issue';
import { parseYaml, YamlSource } from '../content/yaml-source';
import { assignQuestions, matchesSource, PoolQuestion } from './engine';
import { EXAM_BANKS } from './exam-bank-content.kind';
import { ExamDefinition, parseExamDefinition } from './exam-definition';

export const EXAMS_FOLDER = 'exams';
const sources = new WeakMap<ExamDefinition, YamlSource>();
const texts = new WeakMap<ExamDefinition, string>();

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
      const text = files.read(file);
      const parsed = parseYaml(files.display(file), text);
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
      texts.set(result.exam, text);
      items.push(result.exam);
    }
    return { items, issues };
  },
  crossCheck(catalogue, exams) {
    const banks = catalogue.get(EXAM_BANKS);
    const pool: PoolQuestion[] = banks.flatMap((bank) =>
      bank.questions.map((question) => ({ bankId: bank.id, question })),
    );
    const bankIds = new Set(banks.map((bank) => bank.id));
    return exams.flatMap((exam) => {
      const source = sources.get(exam);
      return drawIssues(exam, { pool, bankIds, where: 'in content/exams/banks' }, (path, reason) =>
        source ? source.issueAt(path, reason) : { file: exam.id, path: path.join('.'), reason },
      );
    });
  },
};

/** The YAML text of a content exam, as its file has it (the exam editor shows it read-only). */
export function contentExamText(exam: ExamDefinition): string | undefined {
  return texts.get(exam);
}

/**
 * Why the banks cannot fill an exam: a section naming a bank that is not there, a section that
 * draws more questions than match, or sections that overlap so much that the matching
 * questions cannot be shared out. Empty when every attempt can be drawn.
 */
export function drawIssues(
  exam: ExamDefinition,
  banks: { pool: readonly PoolQuestion[]; bankIds: ReadonlySet<string>; where: string },
  at: (path: (string | number)[], reason: string) => ContentIssue,
): ContentIssue[] {
  const { pool, bankIds } = banks;
  const issues: ContentIssue[] = [];
  const candidates = exam.sections.map((section) =>
    pool.filter((item) => matchesSource(item, section.from)),
  );
  let satisfiable = true;
  exam.sections.forEach((section, index) => {
    if (section.from.bank !== undefined && !bankIds.has(section.from.bank)) {
      issues.push(
        at(['sections', index, 'from', 'bank'], `no bank "${section.from.bank}" ${banks.where}`),
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
  return issues;
}

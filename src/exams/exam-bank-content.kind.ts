import { basename, extname } from 'node:path';
import { ContentCatalogue, ContentFiles, ContentKind } from '../content/content-kind';
import { ContentIssue } from '../content/content-issue';
import { parseYaml, YamlSource } from '../content/yaml-source';
import { COURSES } from '../courses/course-content.kind';
import { DEFAULT_RUBRIC, parseRubric } from '../scoring/engine';
import { RUBRICS } from '../scoring/rubric-content.kind';
import { Checker, parseQuestion, QuestionDefinition } from './engine';
import { importGift } from './gift/gift-import';

export const BANKS_FOLDER = 'exams/banks';

/** A question bank: content/exams/banks/<id>.yaml, a GIFT file beside them, or a GIFT import. */
export interface ExamBank {
  id: string;
  title: string;
  course: string | null;
  source: 'yaml' | 'gift' | 'import';
  questions: QuestionDefinition[];
}

// Where each loaded bank came from, so cross-checks can name the file and line.
const origins = new WeakMap<
  ExamBank,
  { file: string; source?: YamlSource; lines: Map<string, number> }
>();

/**
 * content/exams/banks/*.yaml (the bank format in the README) and *.gift (Moodle GIFT, imported
 * question by question). Every problem names the file, line and field.
 */
export const EXAM_BANKS: ContentKind<ExamBank> = {
  key: 'exam-banks',
  load(files) {
    const items: ExamBank[] = [];
    const issues: ContentIssue[] = [];
    for (const file of files.list(BANKS_FOLDER, ['.yaml', '.yml', '.gift'])) {
      const loaded = extname(file) === '.gift' ? loadGift(files, file) : loadYaml(files, file);
      issues.push(...loaded.issues);
      if (loaded.bank) items.push(loaded.bank);
    }
    return { items, issues };
  },
  crossCheck(catalogue, banks) {
    return [...duplicateIds(banks), ...unknownReferences(catalogue, banks)];
  },
};

function loadYaml(
  files: ContentFiles,
  file: string,
): { bank: ExamBank | null; issues: ContentIssue[] } {
  const shown = files.display(file);
  const parsed = parseYaml(shown, files.read(file));
  if (!parsed.ok) return { bank: null, issues: parsed.issues };
  const { source } = parsed;
  const check = new Checker();
  const root = check.mapping(source.data, [], ['id', 'title', 'course', 'questions']) ?? {};
  const expectedId = basename(file, extname(file));
  const id = check.string(root.id, ['id']);
  if (id !== undefined && id !== expectedId)
    check.fail(['id'], `the id must match the file name ("${expectedId}")`);
  const bank: ExamBank = {
    id: expectedId,
    title: check.string(root.title, ['title']) ?? expectedId,
    course: check.optionalString(root.course, ['course']),
    source: 'yaml',
    questions: [],
  };
  const lines = new Map<string, number>();
  check.list(root.questions, ['questions'], 1).forEach((raw, index) => {
    const result = parseQuestion(raw);
    if (!result.ok) {
      result.issues.forEach((issue) =>
        check.fail(['questions', index, ...issue.path], issue.reason),
      );
      return;
    }
    const question = result.question;
    if (question.type === 'freetext' && question.rubric !== null) {
      const rubric = parseRubric(question.rubric);
      if (!rubric.ok)
        rubric.issues.forEach((issue) =>
          check.fail(['questions', index, 'rubric', ...issue.path], issue.reason),
        );
    }
    lines.set(question.id, source.lineOf(['questions', index]) ?? 1);
    bank.questions.push(question);
  });
  origins.set(bank, { file: shown, source, lines });
  const issues = check.issues.map((issue) => source.issueAt(issue.path, issue.reason));
  return { bank: issues.length ? null : bank, issues };
}

function loadGift(
  files: ContentFiles,
  file: string,
): { bank: ExamBank | null; issues: ContentIssue[] } {
  const shown = files.display(file);
  const id = basename(file, extname(file));
  const result = importGift(files.read(file), { bankId: id });
  const issues = result.issues.map((issue) => ({
    file: shown,
    line: issue.line,
    path: issue.path,
    reason: issue.title ? `${issue.title}: ${issue.reason}` : issue.reason,
  }));
  const bank: ExamBank = {
    id,
    title: id,
    course: null,
    source: 'gift',
    questions: result.questions,
  };
  origins.set(bank, { file: shown, lines: new Map() });
  return { bank: issues.length ? null : bank, issues };
}

function issueFor(
  bank: ExamBank,
  questionId: string,
  path: (string | number)[],
  reason: string,
): ContentIssue {
  const origin = origins.get(bank);
  const index = bank.questions.findIndex((question) => question.id === questionId);
  if (origin?.source) return origin.source.issueAt(['questions', index, ...path], reason);
  return {
    file: origin?.file ?? bank.id,
    line: origin?.lines.get(questionId),
    reason: `${questionId}: ${reason}`,
  };
}

function duplicateIds(banks: ExamBank[]): ContentIssue[] {
  const seen = new Map<string, string>();
  const issues: ContentIssue[] = [];
  for (const bank of banks) {
    if (seen.has(`bank:${bank.id}`))
      issues.push({
        file: origins.get(bank)?.file ?? bank.id,
        reason: `a bank "${bank.id}" exists twice (YAML and GIFT)`,
      });
    seen.set(`bank:${bank.id}`, bank.id);
    for (const question of bank.questions) {
      const other = seen.get(question.id);
      if (other !== undefined)
        issues.push(
          issueFor(
            bank,
            question.id,
            ['id'],
            `question id "${question.id}" is also used in bank "${other}"`,
          ),
        );
      else seen.set(question.id, bank.id);
    }
  }
  return issues;
}

function unknownReferences(catalogue: ContentCatalogue, banks: ExamBank[]): ContentIssue[] {
  const rubricIds = new Set([
    DEFAULT_RUBRIC.id,
    ...catalogue.get(RUBRICS).map((rubric) => rubric.id),
  ]);
  const courseIds = new Set(catalogue.get(COURSES).map((course) => course.id));
  const issues: ContentIssue[] = [];
  for (const bank of banks) {
    const origin = origins.get(bank);
    // Only checked when courses are loaded at all (a content folder with banks and no courses is fine).
    if (bank.course && courseIds.size > 0 && !courseIds.has(bank.course) && origin?.source)
      issues.push(
        origin.source.issueAt(['course'], `no course "${bank.course}" in content/courses`),
      );
    for (const question of bank.questions) {
      if (question.type === 'freetext' && question.rubricId && !rubricIds.has(question.rubricId))
        issues.push(
          issueFor(
            bank,
            question.id,
            ['rubricId'],
            `no rubric "${question.rubricId}" in content/rubrics`,
          ),
        );
    }
  }
  return issues;
}

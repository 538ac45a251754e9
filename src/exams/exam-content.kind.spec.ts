import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, ContentIssue, formatIssue } from '../content/content-issue';
import { ContentKind } from '../content/content-kind';
import { loadContent } from '../content/load-content';
import { EXAM_BANKS } from './exam-bank-content.kind';
import { EXAMS } from './exam-content.kind';

const KINDS = [EXAM_BANKS, EXAMS] as ContentKind<unknown>[];

function contentDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'exam-content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function issuesOf(files: Record<string, string>): string[] {
  try {
    loadContent(contentDir(files), KINDS);
  } catch (error) {
    if (error instanceof ContentError)
      return error.issues.map((issue: ContentIssue) =>
        formatIssue({ ...issue, file: issue.file.replace(/^.*exam-content-[^/]+\//, '') }),
      );
    throw error;
  }
  return [];
}

const tf = (id: string, tags = '[a]'): string =>
  `  - id: ${id}\n    type: truefalse\n    category: c\n    tags: ${tags}\n    prompt: Is it?\n    answer: true\n`;
const bank = (id: string, questions: string): string =>
  `id: ${id}\ntitle: Bank ${id}\nquestions:\n${questions}`;
const exam = (sections: string, extra = ''): string =>
  `id: quiz\ntitle: Quiz\ntimeLimitMinutes: 10\npassMark: 50\nreviewPolicy: after-submit\n${extra}sections:\n${sections}`;

describe('Exam content (banks and exams)', () => {
  it('should load YAML banks, GIFT banks and exams that fit together', () => {
    const catalogue = loadContent(
      contentDir({
        'exams/banks/one.yaml': bank('one', tf('q1') + tf('q2')),
        'exams/banks/two.gift': '// [id:g1] [tag:a]\nSky?{T}\n\n// [id:g2]\nSea?{F}\n',
        'exams/quiz.yaml': exam(
          '  - { title: A, draw: 3, from: { tags: [a] } }\n  - { title: B, draw: 1, from: { bank: two } }\n',
        ),
      }),
      KINDS,
    );
    expect(
      catalogue.get(EXAM_BANKS).map((item) => `${item.id}:${item.source}:${item.questions.length}`),
    ).toEqual(['one:yaml:2', 'two:gift:2']);
    expect(catalogue.get(EXAMS)[0]).toMatchObject({
      id: 'quiz',
      shuffleQuestions: true,
      attemptsAllowed: 0,
      closesAt: null,
    });
  });

  it('should name the file, line and field of every problem in a bank', () => {
    const questions = `${tf('q1')}  - id: q2\n    type: single\n    category: c\n    prompt: Pick\n    colour: red\n    choices:\n      - { text: a, fraction: 0.5 }\n      - { text: b, fraction: 0 }\n`;
    expect(issuesOf({ 'exams/banks/one.yaml': bank('other', questions) })).toEqual([
      'exams/banks/one.yaml:1: id: the id must match the file name ("one")',
      'exams/banks/one.yaml:14: questions[1].colour: is not a known field',
      'exams/banks/one.yaml:16: questions[1].choices: one choice must have fraction 1',
    ]);
  });

  it('should check inline rubrics with the scoring engine and report their field paths', () => {
    const free =
      '  - id: f1\n    type: freetext\n    category: c\n    prompt: Write\n    review: none\n    rubric:\n      id: r\n      title: R\n      weights: { politeness: lots }\n';
    const [issue] = issuesOf({ 'exams/banks/one.yaml': bank('one', free) });
    expect(issue).toMatch(
      /^exams\/banks\/one\.yaml:\d+: questions\[0\]\.rubric\.weights\.politeness: /,
    );
  });

  it('should refuse question ids used twice across banks, unknown rubrics and broken GIFT questions', () => {
    const rubricId =
      '  - id: f1\n    type: freetext\n    category: c\n    prompt: Write\n    rubricId: no-such-rubric\n';
    expect(
      issuesOf({
        'exams/banks/one.yaml': bank('one', tf('q1') + rubricId),
        'exams/banks/two.yaml': bank('two', tf('q1')),
      }),
    ).toEqual([
      'exams/banks/two.yaml:4: questions[0].id: question id "q1" is also used in bank "one"',
      'exams/banks/one.yaml:14: questions[1].rubricId: no rubric "no-such-rubric" in content/rubrics',
    ]);
    expect(issuesOf({ 'exams/banks/g.gift': 'Good?{T}\n\n::Bad::Pick{~a =b\n' })).toEqual([
      expect.stringMatching(/^exams\/banks\/g\.gift:3: Bad: GIFT: /),
    ]);
  });

  it('should refuse exams the banks cannot fill, alone or where sections overlap', () => {
    const banks = { 'exams/banks/one.yaml': bank('one', tf('q1') + tf('q2') + tf('q3', '[b]')) };
    expect(
      issuesOf({
        ...banks,
        'exams/quiz.yaml': exam('  - { title: A, draw: 3, from: { tags: [a] } }\n'),
      }),
    ).toEqual(['exams/quiz.yaml:7: sections[0].draw: draws 3 but only 2 questions match']);
    expect(
      issuesOf({
        ...banks,
        'exams/quiz.yaml': exam(
          '  - { title: A, draw: 2, from: { tags: [a] } }\n  - { title: All, draw: 2, from: { category: c } }\n',
        ),
      }),
    ).toEqual([
      'exams/quiz.yaml:7: sections: the sections overlap: the banks cannot give every section different questions',
    ]);
    expect(
      issuesOf({
        ...banks,
        'exams/quiz.yaml': exam('  - { title: A, draw: 1, from: { bank: nope } }\n'),
      }),
    ).toEqual(['exams/quiz.yaml:7: sections[0].from.bank: no bank "nope" in content/exams/banks']);
  });

  it('should check the rules of an exam definition', () => {
    const bad =
      'id: banks\ntitle: T\ntimeLimitMinutes: 0\nreviewPolicy: after-close\nshuffleQuestions: maybe\nsections: []\n';
    expect(issuesOf({ 'exams/banks.yaml': bad })).toEqual([
      'exams/banks.yaml:1: id: use lower-case words joined by "-" (not banks, attempts, grading, questions, authoring)',
      'exams/banks.yaml:1: closesAt: is required when reviewPolicy is after-close',
      'exams/banks.yaml:3: timeLimitMinutes: must be a whole number from 1 to 600',
      'exams/banks.yaml:1: passMark: is required',
      'exams/banks.yaml:5: shuffleQuestions: must be true or false',
      'exams/banks.yaml:6: sections: needs at least 1 entries',
    ]);
  });
});

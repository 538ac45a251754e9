import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { TestApp } from './test-app';

/** The exam fixture as a content folder: a bank with every type, a GIFT bank, five exams. */
export const EXAM_FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'exams', 'content');
export const EXAM_FIXTURE_ENV = { CONTENT_DIR: EXAM_FIXTURE_DIR };

/** A copy of the fixture content with one file edited (an author changing a key). */
export function editedFixture(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'exam-content-'));
  cpSync(EXAM_FIXTURE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

export interface QuestionView {
  slot: number;
  type: string;
  prompt: string;
  state: string;
  response: unknown;
  choices?: { index: number; text: string }[];
  lefts?: string[];
  options?: string[];
}

export interface AttemptBody {
  id: string;
  status: string;
  finishReason: string | null;
  questions: QuestionView[];
  result: {
    marks: number;
    maxMarks: number;
    percent: number;
    passed: boolean | null;
    pending: number;
  } | null;
  reviewAvailable: boolean;
  review?: {
    slot: number;
    state: string;
    fraction: number | null;
    mark: number;
    maxMark: number;
    feedback: { rightAnswer: string | null };
  }[];
}

/** The right response to each fixture question, by its prompt, from what the trainee sees. */
export function rightResponse(question: QuestionView): object {
  const choice = (text: string): number => question.choices!.find((c) => c.text === text)!.index;
  if (question.prompt.startsWith('Which channel'))
    return { choice: choice('The channel the customer used') };
  if (question.prompt.startsWith('Which two'))
    return { choices: [choice('Date of birth'), choice('Postcode')] };
  if (question.prompt.startsWith('A tier 1')) return { answer: true };
  if (question.prompt.startsWith('Which tier')) return { text: 'Tier 4' };
  if (question.prompt.startsWith('How many')) return { text: '15 days' };
  if (question.prompt.startsWith('Match'))
    return { matches: ['7 working days', '15 working days', '2 working days'] };
  if (question.prompt.startsWith('A customer'))
    return {
      text: "I'm so sorry you were charged twice. I have refunded the second payment today.",
    };
  throw new Error(`no right answer for ${question.prompt}`);
}

/** A trainee's (or trainer's) exam API calls with a bearer token. */
export function examApi(t: TestApp, auth: string) {
  const http = (): ReturnType<typeof request> => t.http();
  return {
    start: (examId: string) =>
      http().post(`/api/exams/${examId}/attempts`).set('Authorization', auth),
    get: (attemptId: string) =>
      http().get(`/api/exams/attempts/${attemptId}`).set('Authorization', auth),
    review: (attemptId: string) =>
      http().get(`/api/exams/attempts/${attemptId}/review`).set('Authorization', auth),
    save: (attemptId: string, slot: number, response: unknown) =>
      http()
        .put(`/api/exams/attempts/${attemptId}/slots/${slot}`)
        .set('Authorization', auth)
        .send({ response }),
    submit: (attemptId: string, body: object = {}) =>
      http().post(`/api/exams/attempts/${attemptId}/submit`).set('Authorization', auth).send(body),
    grade: (attemptId: string, slot: number, body: object) =>
      http()
        .post(`/api/exams/attempts/${attemptId}/slots/${slot}/grade`)
        .set('Authorization', auth)
        .send(body),
    steps: (attemptId: string, slot: number) =>
      http().get(`/api/exams/attempts/${attemptId}/slots/${slot}/steps`).set('Authorization', auth),
    regrade: (attemptId: string, body: object = {}) =>
      http().post(`/api/exams/attempts/${attemptId}/regrade`).set('Authorization', auth).send(body),
  };
}

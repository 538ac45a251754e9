import { join } from 'node:path';
import { TestApp } from './test-app';

/** The ok course fixture as a content folder: phone-basics → calm-complaints, data-privacy. */
export const COURSE_FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'content', 'courses', 'ok');
export const COURSE_FIXTURE_ENV = { CONTENT_DIR: COURSE_FIXTURE_DIR };

/** Right answers of the fixture's knowledge checks, by course and lesson. */
export const RIGHT_ANSWERS: Record<string, Record<string, Record<string, number[]>>> = {
  'phone-basics': {
    greeting: { q1: [1], q2: [0] },
    listening: { q1: [1], q2: [0], q3: [0, 2] },
    closing: { q1: [1], q2: [0] },
  },
  'calm-complaints': {
    acknowledge: { q1: [1], q2: [0] },
    solve: { q1: [1], q2: [0] },
    'follow-up': { q1: [1], q2: [0] },
  },
  'data-privacy': {
    verify: { q1: [1], q2: [0] },
    masking: { q1: [1], q2: [0] },
    'third-parties': { q1: [1], q2: [0] },
  },
};

/** A trainee's API calls on one course, for specs that need progress as a precondition. */
export function courseApi(t: TestApp, auth: string, courseId: string) {
  const lesson = (lessonId: string, action: string) =>
    `/api/courses/${courseId}/lessons/${lessonId}/${action}`;
  return {
    enrol: () => t.http().post(`/api/courses/${courseId}/enrol`).set('Authorization', auth),
    open: (lessonId: string) => t.http().post(lesson(lessonId, 'open')).set('Authorization', auth),
    heartbeat: (lessonId: string, seconds: number) =>
      t.http().post(lesson(lessonId, 'heartbeat')).set('Authorization', auth).send({ seconds }),
    check: (lessonId: string, answers: Record<string, unknown>) =>
      t.http().post(lesson(lessonId, 'check')).set('Authorization', auth).send({ answers }),
    complete: (lessonId: string) =>
      t.http().post(lesson(lessonId, 'complete')).set('Authorization', auth),
    /** Open, answer right and complete one lesson. */
    async pass(lessonId: string): Promise<void> {
      await this.open(lessonId).expect(200);
      await this.check(lessonId, RIGHT_ANSWERS[courseId][lessonId]).expect(200);
      await this.complete(lessonId).expect(200);
    },
  };
}

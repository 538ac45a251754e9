import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentCatalogue, ContentKind } from '../../src/content/content-kind';
import { loadContent } from '../../src/content/load-content';
import { COURSES } from '../../src/courses/course-content.kind';
import { COURSE_FIXTURE_DIR, COURSE_FIXTURE_ENV, courseApi } from '../support/courses';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Version 2 of "Phone basics": the greeting lesson is reworded, "closing" is gone and a new
 * lesson "holding" is added. Loaded into the running app as a redeploy would at boot.
 */
function publishVersion2(t: TestApp): string {
  const root = mkdtempSync(join(tmpdir(), 'courses-v2-'));
  cpSync(COURSE_FIXTURE_DIR, root, { recursive: true });
  const course = join(root, 'courses', 'phone-basics');
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(course, file), change(readFileSync(join(course, file), 'utf8')));
  edit('course.md', (text) => text.replace('version: 1', 'version: 2'));
  edit('01-greeting.md', (text) => text.replace('is part of every call', 'opens every call'));
  rmSync(join(course, '03-closing.md'));
  writeFileSync(
    join(course, '04-holding.md'),
    readFileSync(join(COURSE_FIXTURE_DIR, 'courses', 'phone-basics', '03-closing.md'), 'utf8')
      .replace('id: closing', 'id: holding')
      .replace('title: Closing the call', 'title: Putting a caller on hold'),
  );
  const loaded = loadContent(root, [COURSES as ContentKind<unknown>]);
  t.app.get(ContentCatalogue).set(COURSES, loaded.get(COURSES));
  return root;
}

describe('Courses: content updates keep progress', () => {
  let t: TestApp;
  let early: string;
  let midway: string;
  let v2Root: string;
  const course = async (auth: string) =>
    (await t.http().get('/api/courses/phone-basics').set('Authorization', auth).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp({ env: COURSE_FIXTURE_ENV });
    const admin = await t.bearer('admin@academy.local');
    for (const email of ['early@academy.local', 'midway@academy.local']) {
      await t
        .http()
        .post('/api/users')
        .set('Authorization', admin)
        .send({ email, displayName: email, roles: ['trainee'], password: 'long-enough-pw' })
        .expect(201);
    }
    early = await t.bearer('early@academy.local', 'long-enough-pw');
    midway = await t.bearer('midway@academy.local', 'long-enough-pw');
  });
  afterAll(async () => {
    rmSync(v2Root, { recursive: true, force: true });
    await t.close();
  });

  it('should complete on version 1 for one trainee and stop half-way for the other', async () => {
    const first = courseApi(t, early, 'phone-basics');
    await first.enrol().expect(201);
    for (const lesson of ['greeting', 'listening', 'closing']) await first.pass(lesson);
    const second = courseApi(t, midway, 'phone-basics');
    await second.enrol().expect(201);
    await second.pass('greeting');
    await second.pass('listening');
    await second.open('closing').expect(200);
    expect((await course(early)).enrolment).toMatchObject({
      status: 'completed',
      completedVersion: 1,
    });
    expect((await course(midway)).enrolment).toMatchObject({
      status: 'in_progress',
      lessonsCompleted: 2,
      lessonCount: 3,
    });
  });

  it('should keep a completion earned on version 1 and say the course changed since', async () => {
    v2Root = publishVersion2(t);
    const view = await course(early);
    expect(view).toMatchObject({ version: 2, newerVersion: true });
    expect(view.enrolment).toMatchObject({
      status: 'completed',
      completedVersion: 1,
      percent: 100,
    });
    expect(view.lessons.map((lesson: { id: string }) => lesson.id)).toEqual([
      'greeting',
      'listening',
      'holding',
    ]);
  });

  it('should keep progress on lessons that still exist and flag the ones that changed', async () => {
    const view = await course(midway);
    expect(view.enrolment).toMatchObject({
      status: 'in_progress',
      lessonsCompleted: 2,
      lessonCount: 3,
      resumeLessonId: 'holding',
    });
    expect(
      view.lessons.map(
        (lesson: {
          id: string;
          progress: { completedAt: string | null; updatedSinceCompleted: boolean } | null;
        }) => [
          lesson.id,
          !!lesson.progress?.completedAt,
          lesson.progress?.updatedSinceCompleted ?? null,
        ],
      ),
    ).toEqual([
      ['greeting', true, true],
      ['listening', true, false],
      ['holding', false, null],
    ]);
  });

  it('should complete the course on version 2 with its new lesson', async () => {
    const api = courseApi(t, midway, 'phone-basics');
    await api.open('holding').expect(200);
    await api.check('holding', { q1: [1], q2: [0] }).expect(200);
    const done = await api.complete('holding').expect(200);
    expect(done.body).toMatchObject({
      courseCompleted: true,
      enrolment: { status: 'completed', completedVersion: 2, lessonsCompleted: 3 },
    });
    const records = await t
      .http()
      .get('/api/learning-records?verb=http://adlnet.gov/expapi/verbs/completed')
      .set('Authorization', midway)
      .expect(200);
    const courseDone = records.body.statements.filter((s: { object: { id: string } }) =>
      s.object.id.endsWith('/course/phone-basics'),
    );
    expect(courseDone).toEqual([
      expect.objectContaining({ context: expect.objectContaining({ revision: '2' }) }),
    ]);
  });
});

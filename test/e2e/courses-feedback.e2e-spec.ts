import { BrowserSession } from '../support/browser-session';
import { COURSE_FIXTURE_ENV, courseApi } from '../support/courses';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

// Training satisfaction: people rate the courses they completed; staff read the totals and the
// unsigned comments of their teams, and nothing at all below three answers.
describe('Course feedback (training satisfaction)', () => {
  let t: TestApp;
  let admin: string;
  const auth: Record<string, string> = {};
  const COURSE = 'phone-basics';
  const PASSWORD = 'long-enough-pw';

  const give = (who: string, body: object, courseId = COURSE) =>
    t.http().put(`/api/courses/${courseId}/feedback`).set('Authorization', auth[who]).send(body);
  const summary = (who: string, query = '') =>
    t.http().get(`/api/courses/${COURSE}/feedback/summary${query}`).set('Authorization', auth[who]);
  const completeCourse = async (who: string): Promise<void> => {
    const api = courseApi(t, auth[who], COURSE);
    await api.enrol().expect(201);
    for (const lesson of ['greeting', 'listening', 'closing']) await api.pass(lesson);
  };

  beforeAll(async () => {
    t = await createTestApp({ env: COURSE_FIXTURE_ENV });
    admin = await t.bearer('admin@academy.local');
    const people: [string, object][] = [
      ['north1', { roles: ['trainee'], team: 'North' }],
      ['north2', { roles: ['trainee'], team: 'North' }],
      ['north3', { roles: ['trainee'], team: 'North' }],
      ['south1', { roles: ['trainee'], team: 'South' }],
      ['loner', { roles: ['trainer'], managedTeams: [] }],
    ];
    for (const [name, extra] of people) {
      await t
        .http()
        .post('/api/users')
        .set('Authorization', admin)
        .send({
          email: `${name}@academy.local`,
          displayName: name,
          password: PASSWORD,
          ...extra,
        })
        .expect(201);
      auth[name] = await t.bearer(`${name}@academy.local`, PASSWORD);
    }
    for (const role of ['trainee', 'trainer', 'supervisor', 'hr'])
      auth[role] = await t.bearer(`${role}@academy.local`);
    for (const who of ['north1', 'north2', 'north3', 'south1']) await completeCourse(who);
  });
  afterAll(async () => t?.close());

  it('should take feedback only from someone who completed the course', async () => {
    const notEnrolled = await give('trainee', { rating: 4 }).expect(409);
    expect(notEnrolled.body.code).toBe('COURSE_NOT_COMPLETED');
    await courseApi(t, auth.trainee, COURSE).enrol().expect(201);
    await courseApi(t, auth.trainee, COURSE).pass('greeting');
    expect((await give('trainee', { rating: 4 }).expect(409)).body.code).toBe(
      'COURSE_NOT_COMPLETED',
    );
    expect((await give('north1', { rating: 4 }, 'no-such-course').expect(404)).body.code).toBe(
      'COURSE_NOT_FOUND',
    );
  });

  it('should refuse bad answers with field paths and keep the saved one', async () => {
    const saved = await give('north1', { rating: 5, comment: '  Clear examples.  ' }).expect(200);
    expect(saved.body).toMatchObject({
      courseId: COURSE,
      courseVersion: 1,
      rating: 5,
      comment: 'Clear examples.',
    });
    const cases: [object, string][] = [
      [{}, 'rating'],
      [{ rating: 0 }, 'rating'],
      [{ rating: 6 }, 'rating'],
      [{ rating: 3.5 }, 'rating'],
      [{ rating: 'good' }, 'rating'],
      [{ rating: 3, comment: 'x'.repeat(2001) }, 'comment'],
      [{ rating: 3, comment: 42 }, 'comment'],
    ];
    for (const [body, path] of cases) {
      const refused = await give('north1', body).expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    const mine = await t
      .http()
      .get(`/api/courses/${COURSE}/feedback`)
      .set('Authorization', auth.north1)
      .expect(200);
    expect(mine.body).toMatchObject({ rating: 5, comment: 'Clear examples.' });
  });

  it('should replace an answer when saved again, and withdraw it', async () => {
    await give('north2', { rating: 2, comment: 'Too long' }).expect(200);
    const replaced = await give('north2', { rating: 3, comment: '' }).expect(200);
    expect(replaced.body).toMatchObject({ rating: 3, comment: null });
    const mine = (who: string) =>
      t.http().get(`/api/courses/${COURSE}/feedback`).set('Authorization', auth[who]);
    expect((await mine('north2').expect(200)).body.rating).toBe(3);

    await give('north3', { rating: 1 }).expect(200);
    await t
      .http()
      .delete(`/api/courses/${COURSE}/feedback`)
      .set('Authorization', auth.north3)
      .expect(204);
    expect((await mine('north3').expect(404)).body.code).toBe('FEEDBACK_NOT_FOUND');
    const again = await t
      .http()
      .delete(`/api/courses/${COURSE}/feedback`)
      .set('Authorization', auth.north3)
      .expect(404);
    expect(again.body.code).toBe('FEEDBACK_NOT_FOUND');
  });

  it('should show staff only the count below three answers, then the totals without names', async () => {
    // North: north1 (5, comment) and north2 (3): two answers, hidden.
    const two = (await summary('supervisor').expect(200)).body;
    expect(two).toMatchObject({
      courseId: COURSE,
      responses: 2,
      shown: false,
      mean: null,
      distribution: null,
      comments: [],
      threshold: 3,
    });

    await give('north3', { rating: 4, comment: 'The closing lesson helped most' }).expect(200);
    const three = (await summary('supervisor').expect(200)).body;
    expect(three).toMatchObject({
      responses: 3,
      shown: true,
      mean: 4,
      distribution: [0, 0, 1, 1, 1],
    });
    expect(three.comments.map((c: { comment: string }) => c.comment).sort()).toEqual([
      'Clear examples.',
      'The closing lesson helped most',
    ]);
    const text = JSON.stringify(three);
    for (const name of ['north1', 'north2', 'north3', 'academy.local'])
      expect(text).not.toContain(name);
    for (const key of ['userId', 'user_id', 'email', 'name'])
      expect(Object.keys(three.comments[0])).not.toContain(key);
  });

  it('should scope the totals to the viewer’s teams, and give a teamless trainer nothing', async () => {
    await give('south1', { rating: 1, comment: 'Not for my desk' }).expect(200);
    // The trainer looks after North and South: four answers.
    const both = (await summary('trainer').expect(200)).body;
    expect(both).toMatchObject({ responses: 4, mean: 3.3, distribution: [1, 0, 1, 1, 1] });
    // South alone has one answer: hidden, so that it cannot be traced to its writer.
    const south = (await summary('trainer', '?team=South').expect(200)).body;
    expect(south).toMatchObject({ responses: 1, shown: false, comments: [] });
    // The supervisor looks after North only and may not ask for South.
    const refused = await summary('supervisor', '?team=South').expect(403);
    expect(refused.body.errors[0].path).toBe('team');
    expect((await summary('hr').expect(200)).body.responses).toBe(4);
    expect((await summary('loner').expect(200)).body).toMatchObject({ responses: 0 });

    const overview = await t
      .http()
      .get('/api/course-feedback')
      .set('Authorization', auth.loner)
      .expect(200);
    expect(overview.body.every((c: { responses: number }) => c.responses === 0)).toBe(true);
    const all = (
      await t.http().get('/api/course-feedback').set('Authorization', auth.hr).expect(200)
    ).body as { courseId: string; responses: number; mean: number | null }[];
    expect(all.find((c) => c.courseId === COURSE)).toMatchObject({ responses: 4, mean: 3.3 });
    expect(all.find((c) => c.courseId === 'data-privacy')).toMatchObject({
      responses: 0,
      mean: null,
    });

    await summary('trainee').expect(403);
    await t.http().get('/api/course-feedback').set('Authorization', auth.trainee).expect(403);
  });

  it('should let a trainee rate from the course page, re-showing a form without a rating', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('north2@academy.local', PASSWORD);
    const page = await browser.get(`/courses/${COURSE}`);
    expect(page.text).toContain('How was this course?');
    expect(page.text).toContain('You rated it 3 of 5');
    const empty = await browser.postForm(`/courses/${COURSE}/feedback`, {
      rating: '',
      comment: 'kept',
    });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Must be a whole number from 1 to 5');
    expect(empty.text).toContain('>kept</textarea>');
    const saved = await browser.postForm(`/courses/${COURSE}/feedback`, {
      rating: '5',
      comment: 'Better the second time',
    });
    expect(saved.status).toBe(303);
    const after = await browser.get(`/courses/${COURSE}?feedback=saved`);
    expect(after.text).toContain('Thank you: your feedback is saved.');
    expect(after.text).toMatch(/value="5" required checked/);
    const withdrawn = await browser.postForm(`/courses/${COURSE}/feedback/withdraw`, {});
    expect(withdrawn.status).toBe(303);
    expect((await browser.get(`/courses/${COURSE}`)).text).not.toContain('You rated it');

    // Someone who has not completed the course sees no form.
    const other = new BrowserSession(t.app.getHttpServer());
    await other.signIn('trainee@academy.local', DEMO_PASSWORD);
    expect((await other.get(`/courses/${COURSE}`)).text).not.toContain('How was this course?');
  });

  it('should show staff the spread and comments on the course feedback page', async () => {
    await give('north2', { rating: 3 }).expect(200);
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    const catalogue = await browser.get('/courses');
    expect(catalogue.text).toContain('rated 3.3 of 5 by 4');
    const page = await browser.get(`/courses/${COURSE}/feedback`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-chart="rating-spread"');
    expect(page.text).toContain('Not for my desk');
    expect(page.text).not.toContain('north1');
    const south = await browser.get(`/courses/${COURSE}/feedback?team=South`);
    expect(south.text).toContain('fewer than 3');
    expect(south.text).not.toContain('Not for my desk');

    const trainee = new BrowserSession(t.app.getHttpServer());
    await trainee.signIn('trainee@academy.local', DEMO_PASSWORD);
    expect((await trainee.get(`/courses/${COURSE}/feedback`)).status).toBe(403);
  });

  describe('hiding comments', () => {
    const hidden = (who: string, feedbackId: string) =>
      t.http().put(`/api/course-feedback/${feedbackId}/hidden`).set('Authorization', auth[who]);
    const shown = (who: string, feedbackId: string) =>
      t.http().delete(`/api/course-feedback/${feedbackId}/hidden`).set('Authorization', auth[who]);
    const commentId = async (text: string): Promise<string> => {
      const body = (await summary('trainer').expect(200)).body as {
        comments: { id: string; comment: string }[];
      };
      return body.comments.find((c) => c.comment === text)!.id;
    };

    it('should let trainers hide a comment with a reason its writer reads, the rating still counting', async () => {
      await give('north2', { rating: 3 }).expect(200);
      const id = await commentId('Not for my desk');
      expect((await hidden('supervisor', id).send({ reason: 'x' }).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
      const blank = await hidden('trainer', id).send({ reason: '   ' }).expect(400);
      expect(blank.body.errors).toEqual([
        { path: 'reason', messages: ['reason must be 1 to 500 characters'] },
      ]);
      await hidden('trainer', 'not-a-uuid').send({ reason: 'x' }).expect(400);
      await hidden('trainer', '00000000-0000-4000-8000-000000000000')
        .send({ reason: 'x' })
        .expect(404);
      // A trainer who looks after no team sees no one's answers.
      expect((await hidden('loner', id).send({ reason: 'x' }).expect(404)).body.code).toBe(
        'FEEDBACK_NOT_FOUND',
      );

      await hidden('trainer', id).send({ reason: 'Says who wrote it' }).expect(204);
      // A minute later, so the audit log (newest first) has an order to keep.
      t.clock.advance(60_000);
      await hidden('trainer', id).send({ reason: 'Names the desk of its writer' }).expect(204);
      const after = (await summary('trainer').expect(200)).body;
      expect(after).toMatchObject({ responses: 4, mean: 3.3 });
      expect(after.comments.map((c: { comment: string }) => c.comment)).not.toContain(
        'Not for my desk',
      );
      expect(after.hiddenComments).toEqual([
        {
          id,
          rating: 1,
          comment: 'Not for my desk',
          courseVersion: 1,
          day: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
          hidden: { day: '2026-11-23', reason: 'Names the desk of its writer' },
        },
      ]);
      const mine = await t
        .http()
        .get(`/api/courses/${COURSE}/feedback`)
        .set('Authorization', auth.south1)
        .expect(200);
      expect(mine.body.commentHidden).toEqual({
        day: '2026-11-23',
        reason: 'Names the desk of its writer',
      });

      const audit = await t
        .http()
        .get('/api/audit?action=course-feedback.comment-hidden')
        .set('Authorization', auth.hr)
        .expect(200);
      expect(audit.body.items).toHaveLength(2);
      expect(audit.body.items[0]).toMatchObject({
        targetType: 'course',
        targetId: COURSE,
        summary: { feedbackId: id, reason: 'Names the desk of its writer' },
      });
      expect(JSON.stringify(audit.body)).not.toContain('south1');

      // The same text saved again stays hidden; a changed text shows again.
      await give('south1', { rating: 2, comment: 'Not for my desk' }).expect(200);
      expect((await summary('trainer').expect(200)).body.hiddenComments).toHaveLength(1);
      const changed = await give('south1', { rating: 2, comment: 'Not for phone work' }).expect(
        200,
      );
      expect(changed.body.commentHidden).toBeNull();
      const back = (await summary('trainer').expect(200)).body;
      expect(back.hiddenComments).toEqual([]);
      expect(back.comments.map((c: { comment: string }) => c.comment)).toContain(
        'Not for phone work',
      );
    });

    it('should show a hidden comment again, and 404 when it is not hidden', async () => {
      const id = await commentId('Clear examples.');
      await shown('trainer', id).expect(404);
      await hidden('hr', id).send({ reason: 'Checking' }).expect(204);
      expect((await summary('supervisor').expect(200)).body.hiddenComments).toHaveLength(1);
      await shown('supervisor', id).expect(403);
      await shown('trainer', id).expect(204);
      const after = (await summary('trainer').expect(200)).body;
      expect(after.hiddenComments).toEqual([]);
      expect(after.comments.map((c: { comment: string }) => c.comment)).toContain(
        'Clear examples.',
      );
      const audit = await t
        .http()
        .get('/api/audit?action=course-feedback.comment-shown')
        .set('Authorization', auth.hr)
        .expect(200);
      expect(audit.body.items[0].summary).toEqual({ feedbackId: id });
    });

    it('should hide and show from the feedback page, and tell the writer on the course page', async () => {
      const id = await commentId('The closing lesson helped most');
      const browser = new BrowserSession(t.app.getHttpServer());
      await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
      const page = await browser.get(`/courses/${COURSE}/feedback`);
      expect(page.text).toContain(`/feedback/comments/${id}/hide`);
      const blank = await browser.postForm(`/courses/${COURSE}/feedback/comments/${id}/hide`, {
        reason: '',
        team: '',
      });
      expect(blank.status).toBe(400);
      expect(blank.text).toContain('data-testid="moderation-error"');
      const done = await browser.postForm(`/courses/${COURSE}/feedback/comments/${id}/hide`, {
        reason: 'Off topic',
        team: 'North',
      });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe(`/courses/${COURSE}/feedback?moderated=hidden&team=North`);
      const after = await browser.get(done.headers.location as string);
      expect(after.text).toContain('The comment is hidden.');
      expect(after.text).toMatch(/data-testid="hidden-comments"[\s\S]*Off topic/);

      const writer = new BrowserSession(t.app.getHttpServer());
      await writer.signIn('north3@academy.local', PASSWORD);
      expect((await writer.get(`/courses/${COURSE}`)).text).toMatch(
        /data-testid="comment-hidden"[^<]*Off topic/,
      );

      const supervisor = new BrowserSession(t.app.getHttpServer());
      await supervisor.signIn('supervisor@academy.local', DEMO_PASSWORD);
      const read = await supervisor.get(`/courses/${COURSE}/feedback`);
      expect(read.text).toContain('data-testid="hidden-comments"');
      expect(read.text).not.toContain('/hide"');
      expect(read.text).not.toContain('/show"');

      const again = await browser.postForm(`/courses/${COURSE}/feedback/comments/${id}/show`, {
        team: '',
      });
      expect(again.headers.location).toBe(`/courses/${COURSE}/feedback?moderated=shown`);
      expect((await browser.get(again.headers.location as string)).text).not.toContain(
        'data-testid="hidden-comments"',
      );
    });
  });

  it('should document the feedback routes in OpenAPI', async () => {
    const paths = Object.keys((await t.http().get('/api/docs-json').expect(200)).body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/courses/{courseId}/feedback',
        '/api/courses/{courseId}/feedback/summary',
        '/api/course-feedback',
        '/api/course-feedback/{feedbackId}/hidden',
      ]),
    );
  });
});

import { DataSource } from 'typeorm';
import { QuestionBankService } from '../../../src/exams/question-bank.service';
import { BrowserSession } from '../../support/browser-session';
import { createTestApp, createUser, DEMO_PASSWORD, TestApp } from '../../support/test-app';

interface Issue {
  line?: number;
  path?: string;
  message: string;
}

interface Validation {
  valid: boolean;
  examId: string | null;
  issues: Issue[];
  sections: { title: string; draw: number; matching: number }[];
}

interface Detail {
  examId: string;
  origin: string;
  readOnly: boolean;
  title: string;
  publishedVersion: number | null;
  hasDraft: boolean;
  source: string;
  draft: { nextVersion: number } | null;
  validation: Validation;
}

// An exam as a trainer writes it: every field of content/exams/<id>.yaml.
const exam = (fields: {
  id?: string;
  title?: string;
  passMark?: number;
  sections?: string;
}): string =>
  [
    `id: ${fields.id ?? 'complaints-refresher'}`,
    `title: ${fields.title ?? 'Complaints refresher'}`,
    'timeLimitMinutes: 15',
    `passMark: ${fields.passMark ?? 70}`,
    'attemptsAllowed: 0',
    'reviewPolicy: after-submit',
    'sections:',
    fields.sections ??
      '  - title: Complaints\n    draw: 3\n    from: { category: complaint-handling, types: [single, truefalse] }',
    '',
  ].join('\n');

// Trainers write exams in the app: checks with lines, drafts, publishing, and attempts on them.
describe('Exam editor (API and pages)', () => {
  let t: TestApp;
  let trainer: string;
  let trainee: string;
  let db: DataSource;

  const api = (bearer: string) => ({
    validate: (source: string) =>
      t.http().post('/api/exams/authoring/validate').set('Authorization', bearer).send({ source }),
    save: (source: unknown) =>
      t.http().put('/api/exams/authoring/drafts').set('Authorization', bearer).send({ source }),
    publish: (examId: string) =>
      t.http().post(`/api/exams/authoring/${examId}/publish`).set('Authorization', bearer),
    get: (examId: string) =>
      t.http().get(`/api/exams/authoring/${examId}`).set('Authorization', bearer),
  });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    trainer = await t.bearer('trainer@academy.local');
    trainee = await t.bearer('trainee@academy.local');
  });
  afterAll(async () => t?.close());

  it('should document the editor routes and keep them from trainees', async () => {
    const paths = (await t.http().get('/api/docs-json').expect(200)).body.paths as Record<
      string,
      object
    >;
    expect(Object.keys(paths['/api/exams/authoring/drafts'] ?? {})).toEqual(['put']);
    expect(Object.keys(paths['/api/exams/authoring/{examId}/publish'] ?? {})).toEqual(['post']);
    expect((await api(trainee).validate(exam({}))).status).toBe(403);
    expect((await api(trainee).save(exam({}))).status).toBe(403);
    const list = await t.http().get('/api/exams/authoring').set('Authorization', trainer);
    expect(list.status).toBe(200);
    expect(
      (list.body as Detail[]).filter((item) => item.readOnly).map((item) => item.examId),
    ).toEqual(expect.arrayContaining(['onboarding-final', 'complaint-handler']));
  });

  it('should report each problem with its line and field, and what each section can draw', async () => {
    const source = exam({
      passMark: 140,
      sections: [
        '  - title: Too many',
        '    draw: 150',
        '    from: { category: complaint-handling }',
        '  - title: Nowhere',
        '    draw: 1',
        '    from: { bank: no-such-bank }',
      ].join('\n'),
    });
    const fields = (await api(trainer).validate(source).expect(200)).body as Validation;
    expect(fields.valid).toBe(false);
    expect(fields.issues).toEqual([{ line: 4, path: 'passMark', message: expect.any(String) }]);

    const draws = (
      await api(trainer).validate(source.replace('passMark: 140', 'passMark: 70')).expect(200)
    ).body as Validation;
    const matching = draws.sections[0].matching;
    expect(matching).toBeGreaterThan(3);
    expect(draws.issues).toEqual([
      {
        line: 9,
        path: 'sections[0].draw',
        message: `draws 150 but only ${matching} questions match`,
      },
      {
        line: 13,
        path: 'sections[1].from.bank',
        message: 'no bank "no-such-bank" among the question banks',
      },
    ]);
    expect(draws.sections.map((section) => [section.title, section.draw])).toEqual([
      ['Too many', 150],
      ['Nowhere', 1],
    ]);

    const yaml = (await api(trainer).validate('id: x\n  title: [').expect(200)).body as Validation;
    expect(yaml.valid).toBe(false);
    expect(yaml.issues[0]).toMatchObject({ line: expect.any(Number) });
    expect(yaml.issues[0].message).toMatch(/^YAML: /);
  });

  it('should refuse drafts it cannot file: unreadable YAML, a bad id, a content exam', async () => {
    const unreadable = await api(trainer).save('id: [').expect(422);
    expect(unreadable.body).toMatchObject({ code: 'EXAM_INVALID' });
    expect(unreadable.body.errors[0].path).toBe('source');

    for (const id of ['Not An Id', 'authoring']) {
      const bad = await api(trainer).save(exam({ id })).expect(422);
      expect(bad.body).toMatchObject({ code: 'EXAM_INVALID', errors: [{ path: 'source.id' }] });
    }
    const content = await api(trainer)
      .save(exam({ id: 'onboarding-final' }))
      .expect(409);
    expect(content.body).toMatchObject({
      code: 'EXAM_READ_ONLY',
      errors: [{ path: 'source.id' }],
    });
    const missing = await api(trainer).save(42).expect(400);
    expect(missing.body.errors[0].path).toBe('source');
    expect(await db.query('SELECT id FROM authored_exams')).toEqual([]);
  });

  it('should keep a draft with problems, refuse to publish it, then publish the fixed one for trainees', async () => {
    const broken = exam({ sections: '  - title: Nowhere\n    draw: 1\n    from: { bank: nope }' });
    const saved = (await api(trainer).save(broken).expect(200)).body as Detail;
    expect(saved).toMatchObject({
      examId: 'complaints-refresher',
      origin: 'authored',
      hasDraft: true,
      publishedVersion: null,
      source: broken,
      draft: { nextVersion: 1 },
      validation: { valid: false },
    });
    const refused = await api(trainer).publish('complaints-refresher').expect(422);
    expect(refused.body).toMatchObject({
      code: 'EXAM_INVALID',
      errors: [
        {
          path: 'source.sections.0.from.bank',
          messages: ['line 10: no bank "nope" among the question banks'],
        },
      ],
    });
    expect(
      (await t.http().get('/api/exams/complaints-refresher').set('Authorization', trainee)).status,
    ).toBe(404);

    await api(trainer).save(exam({})).expect(200);
    const published = (await api(trainer).publish('complaints-refresher').expect(200))
      .body as Detail;
    expect(published).toMatchObject({ publishedVersion: 1, hasDraft: false, draft: null });
    await api(trainer).publish('complaints-refresher').expect(404);

    const listed = (await t.http().get('/api/exams').set('Authorization', trainee).expect(200))
      .body as { id: string }[];
    expect(listed.map((item) => item.id)).toContain('complaints-refresher');
    const attempt = await t
      .http()
      .post('/api/exams/complaints-refresher/attempts')
      .set('Authorization', trainee)
      .expect(201);
    const slots = (await db.query(
      `SELECT bank_id, definition FROM exam_attempt_slots WHERE attempt_id = '${attempt.body.id}'`,
    )) as { bank_id: string; definition: string }[];
    expect(slots).toHaveLength(3);
    for (const slot of slots) {
      const question = JSON.parse(slot.definition) as { category: string; type: string };
      expect(question.category).toBe('complaint-handling');
      expect(['single', 'truefalse']).toContain(question.type);
    }
    // Finished, it counts in the HR dashboard under the title the trainer gave it.
    await t
      .http()
      .post(`/api/exams/attempts/${attempt.body.id}/submit`)
      .set('Authorization', trainee)
      .send({})
      .expect(200);
    const dashboard = await t
      .http()
      .get('/api/reports/dashboard')
      .set('Authorization', await t.bearer('hr@academy.local'))
      .expect(200);
    expect(
      (dashboard.body.exams.byExam as { examId: string; title: string }[]).find(
        (row) => row.examId === 'complaints-refresher',
      )?.title,
    ).toBe('Complaints refresher');
    const audit = (await db.query(
      `SELECT target_id, summary FROM audit_entries WHERE action = 'exam.published'`,
    )) as { target_id: string; summary: string }[];
    expect(audit.map((row) => [row.target_id, JSON.parse(row.summary)])).toEqual([
      ['complaints-refresher', { version: 1, title: 'Complaints refresher', sections: 1 }],
    ]);
  });

  it('should keep an open attempt on its pass mark when a new version is published', async () => {
    const kim = await createUser(t, await t.bearer('admin@academy.local'), {
      email: 'kim.authoring@academy.local',
      password: DEMO_PASSWORD,
      team: 'North',
    });
    const kimBearer = await t.bearer('kim.authoring@academy.local');
    const first = await t
      .http()
      .post('/api/exams/complaints-refresher/attempts')
      .set('Authorization', kimBearer)
      .expect(201);
    await api(trainer)
      .save(exam({ passMark: 90 }))
      .expect(200);
    const second = (await api(trainer).publish('complaints-refresher').expect(200)).body as Detail;
    expect(second.publishedVersion).toBe(2);
    const marks = (await db.query(
      `SELECT pass_mark, exam_version FROM exam_attempts WHERE user_id = '${kim.id}'`,
    )) as { pass_mark: number; exam_version: string }[];
    expect(marks.map((row) => Number(row.pass_mark))).toEqual([70]);
    const exams = (await t.http().get('/api/exams').set('Authorization', kimBearer).expect(200))
      .body as { id: string; passMark: number }[];
    expect(exams.find((item) => item.id === 'complaints-refresher')?.passMark).toBe(90);
    expect(first.body.id).toEqual(expect.any(String));
  });

  it('should let an authored exam draw from an imported GIFT bank, which content exams never do', async () => {
    const gift = [
      '::One::The caller asks for a manager. Escalate at once?{F}',
      '',
      '::Two::A complaint is logged within one working day.{T}',
      '',
      '::Three::Which is a courtesy formula?{=Thank you for waiting ~Hold on ~What}',
    ].join('\n');
    await t
      .http()
      .post('/api/exams/banks/import?bankId=desk-basics&title=Desk%20basics')
      .set('Authorization', trainer)
      .set('content-type', 'text/plain')
      .send(gift)
      .expect(201);
    const source = exam({
      id: 'desk-basics-check',
      title: 'Desk basics check',
      sections: '  - title: Desk basics\n    draw: 3\n    from: { bank: desk-basics }',
    });
    expect(((await api(trainer).validate(source).expect(200)).body as Validation).valid).toBe(true);
    await api(trainer).save(source).expect(200);
    await api(trainer).publish('desk-basics-check').expect(200);
    const attempt = await t
      .http()
      .post('/api/exams/desk-basics-check/attempts')
      .set('Authorization', trainee)
      .expect(201);
    const banks = (await db.query(
      `SELECT DISTINCT bank_id FROM exam_attempt_slots WHERE attempt_id = '${attempt.body.id}'`,
    )) as { bank_id: string }[];
    expect(banks).toEqual([{ bank_id: 'desk-basics' }]);
    // A content exam's text, checked in the editor, is checked against content banks only.
    const copy = (
      await t.http().get('/api/exams/authoring/onboarding-final').set('Authorization', trainer)
    ).body as Detail;
    expect(copy).toMatchObject({ readOnly: true, validation: { valid: true } });
  });

  it('should preview a draw as a trainee would get it, repeatable by its seed', async () => {
    const source = exam({
      id: 'preview-exam',
      sections: [
        '  - title: Complaints',
        '    draw: 3',
        '    from: { category: complaint-handling, types: [single] }',
        '  - title: Emotions',
        '    draw: 2',
        '    from: { category: emotions-conflict }',
      ].join('\n'),
    });
    const preview = (path: string, body: object) =>
      t.http().post(path).set('Authorization', trainer).send(body);
    const first = await preview('/api/exams/authoring/preview', { source }).expect(200);
    const drawn = first.body as {
      seed: string;
      maxMarks: number;
      questions: { section: string; type: string; questionId: string; mark: number }[];
    };
    expect(drawn.questions.map((question) => question.section).sort()).toEqual([
      'Complaints',
      'Complaints',
      'Complaints',
      'Emotions',
      'Emotions',
    ]);
    expect(
      drawn.questions
        .filter((question) => question.section === 'Complaints')
        .every((question) => question.type === 'single'),
    ).toBe(true);
    expect(new Set(drawn.questions.map((question) => question.questionId)).size).toBe(5);
    expect(drawn.maxMarks).toBe(drawn.questions.reduce((sum, question) => sum + question.mark, 0));
    const again = await preview('/api/exams/authoring/preview', {
      source,
      seed: drawn.seed,
    }).expect(200);
    expect(again.body).toEqual(first.body);
    const invalid = await preview('/api/exams/authoring/preview', {
      source: exam({ passMark: 140 }),
    }).expect(422);
    expect(invalid.body).toMatchObject({
      code: 'EXAM_INVALID',
      errors: [{ path: 'source.passMark' }],
    });
    // Nothing was saved by previewing.
    expect(
      (await t.http().get('/api/exams/authoring/preview-exam').set('Authorization', trainer))
        .status,
    ).toBe(404);
  });

  it('should discard a draft: an unpublished exam leaves the list, a published one keeps its version', async () => {
    const discard = (examId: string) =>
      t.http().delete(`/api/exams/authoring/${examId}/draft`).set('Authorization', trainer);
    await api(trainer)
      .save(exam({ id: 'scratch-exam', title: 'Scratch' }))
      .expect(200);
    await discard('scratch-exam').expect(204);
    const list = (await t.http().get('/api/exams/authoring').set('Authorization', trainer))
      .body as Detail[];
    expect(list.map((item) => item.examId)).not.toContain('scratch-exam');
    expect((await discard('scratch-exam').expect(404)).body.code).toBe('NO_DRAFT');

    await api(trainer)
      .save(exam({ passMark: 99 }))
      .expect(200);
    await discard('complaints-refresher').expect(204);
    const kept = (
      await t.http().get('/api/exams/authoring/complaints-refresher').set('Authorization', trainer)
    ).body as Detail;
    expect(kept).toMatchObject({ hasDraft: false, draft: null });
    expect(kept.publishedVersion).toBeGreaterThanOrEqual(1);
    expect(kept.source).not.toContain('passMark: 99');
    expect((await discard('onboarding-final').expect(409)).body.code).toBe('EXAM_READ_ONLY');
  });

  it('should offer an exam published on one instance to attempts started on another', async () => {
    const other = await createTestApp({ shareWith: t, clock: t.clock });
    try {
      await api(trainer)
        .save(exam({ id: 'cross-instance', title: 'Cross instance' }))
        .expect(200);
      await api(trainer).publish('cross-instance').expect(200);
      const bearer = await other.bearer('trainee@academy.local');
      await other
        .http()
        .post('/api/exams/cross-instance/attempts')
        .set('Authorization', bearer)
        .expect(201);
    } finally {
      await other.close();
    }
  });

  it('should refuse a save naming another exam when the editor says which one it has open', async () => {
    const source = exam({ id: 'id-guard', title: 'Id guard' });
    await api(trainer).save(source).expect(200);
    const put = (body: object) =>
      t.http().put('/api/exams/authoring/drafts').set('Authorization', trainer).send(body);
    const fresh = await put({ source: exam({ id: 'id-guard', title: 'Other' }), editing: null });
    expect(fresh.status).toBe(409);
    expect(fresh.body).toMatchObject({
      code: 'EXAM_ID_TAKEN',
      errors: [{ path: 'source.id', messages: [expect.stringContaining('“Id guard”')] }],
    });
    const elsewhere = await put({ source, editing: 'some-other-exam' });
    expect(elsewhere.status).toBe(409);
    await put({
      source: exam({ id: 'id-guard', title: 'Id guard 2' }),
      editing: 'id-guard',
    }).expect(200);
    // Without `editing`, a save files the text under its id, as before.
    await put({ source }).expect(200);
    const wrongType = await put({ source, editing: 42 });
    expect(wrongType.status).toBe(400);
    expect(JSON.stringify(wrongType.body)).toContain('editing');
  });

  it('should serve the editor pages: list, new, check, save and publish through forms', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    const list = await browser.get('/exams/authoring');
    expect(list.status).toBe(200);
    expect(list.text).toContain('complaints-refresher');
    expect(list.text).toContain('Copy as new draft');
    const fresh = await browser.get('/exams/authoring/new');
    expect(fresh.text).toContain('No problems; the banks can fill every section.');
    const checked = await browser.postForm('/exams/authoring/editor', {
      intent: 'validate',
      source: exam({ id: 'page-exam', passMark: 140 }),
    });
    expect(checked.status).toBe(200);
    expect(checked.text).toContain('data-line="4">line 4</button> <code>passMark</code>:');
    // Publishing refused, the draft is filed all the same: the page is now that exam's editor.
    const refused = await browser.postForm('/exams/authoring/editor', {
      intent: 'publish',
      source: exam({ id: 'refused-exam', passMark: 140 }),
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('<input type="hidden" name="examId" value="refused-exam">');
    const saved = await browser.postForm('/exams/authoring/editor', {
      intent: 'publish',
      source: exam({ id: 'page-exam', title: 'Page exam' }),
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/exams/authoring/page-exam?published=1');
    const page = await browser.get('/exams/authoring/page-exam?published=1');
    expect(page.text).toContain('Published as version 1');
    // A second new exam under the same id is refused instead of replacing the first one's draft.
    const twice = await browser.postForm('/exams/authoring/editor', {
      intent: 'save',
      source: exam({ id: 'page-exam', title: 'Another exam entirely' }),
    });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain(
      'The id &quot;page-exam&quot; is already used by the exam “Page exam”',
    );
    expect(twice.text).toContain('Another exam entirely');
    const kept = (await api(trainer).get('page-exam').expect(200)).body as Detail;
    expect(kept).toMatchObject({ title: 'Page exam', hasDraft: false });
    const previewed = await browser.postForm('/exams/authoring/editor', {
      intent: 'preview',
      source: exam({ id: 'page-exam', title: 'Page exam' }),
      examId: 'page-exam',
    });
    expect(previewed.status).toBe(200);
    expect(previewed.text).toContain('One draw');
    expect(previewed.text.match(/<li><span class="muted small">Complaints · /g)).toHaveLength(3);
    const readOnly = await browser.get('/exams/authoring/onboarding-final');
    expect(readOnly.text).toContain('read-only here');
    expect(readOnly.text).not.toContain('>Publish</button>');
    const traineeBrowser = new BrowserSession(t.app.getHttpServer());
    await traineeBrowser.signIn('trainee@academy.local', DEMO_PASSWORD);
    expect((await traineeBrowser.get('/exams/authoring')).status).toBe(403);
  });

  it('should check the text once when publishing, and answer as the exam then reads', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    // Each check of a text reads the banks it may draw from, imported ones included.
    const bankReads = jest.spyOn(t.app.get(QuestionBankService), 'banksFor');
    try {
      const fromPage = await browser.postForm('/exams/authoring/editor', {
        intent: 'publish',
        source: exam({ id: 'one-check', title: 'One check' }),
      });
      expect(fromPage.headers.location).toBe('/exams/authoring/one-check?published=1');
      expect(bankReads).toHaveBeenCalledTimes(1);

      await api(trainer)
        .save(exam({ id: 'one-check', title: 'Again' }))
        .expect(200);
      // A time with milliseconds: the answer's times are the ones stored.
      t.clock.advance(1_234);
      bankReads.mockClear();
      const published = await api(trainer).publish('one-check').expect(200);
      expect(bankReads).toHaveBeenCalledTimes(1);
      expect(published.body).toMatchObject({ publishedVersion: 2, title: 'Again' });
      expect(published.body).toEqual((await api(trainer).get('one-check').expect(200)).body);
    } finally {
      bankReads.mockRestore();
    }
  });

  it('should refuse to publish from the page a draft saved again while it was checked', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    const banks = t.app.get(QuestionBankService);
    const banksFor = banks.banksFor.bind(banks);
    // Publishing's check is the page's one read of the banks (test above): someone else
    // saves the exam while it checks the draft it read.
    const bankReads = jest.spyOn(banks, 'banksFor').mockImplementationOnce(async (definition) => {
      t.clock.advance(1_000);
      await api(trainer)
        .save(exam({ id: 'raced-exam', title: 'Saved meanwhile' }))
        .expect(200);
      return banksFor(definition);
    });
    try {
      const refused = await browser.postForm('/exams/authoring/editor', {
        intent: 'publish',
        source: exam({ id: 'raced-exam', title: 'Published first' }),
      });
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('The draft changed while it was being published');
    } finally {
      bankReads.mockRestore();
    }
    await expect(api(trainer).get('raced-exam')).resolves.toMatchObject({
      status: 200,
      body: { title: 'Saved meanwhile', publishedVersion: null, hasDraft: true },
    });
  });
});

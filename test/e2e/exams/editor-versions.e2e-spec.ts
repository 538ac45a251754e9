import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserSession } from '../../support/browser-session';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

interface Revision {
  version: number | null;
  title: string;
  authorName: string | null;
}
interface Changes {
  revision: Revision;
  source: string;
  against: number | null;
  added: number;
  removed: number;
  hunks: { lines: { kind: string; text: string; before: number | null; after: number | null }[] }[];
}

const exam = (passMark: number, title = 'Versioned exam'): string =>
  [
    'id: versioned-exam',
    `title: ${title}`,
    'timeLimitMinutes: 15',
    `passMark: ${passMark}`,
    'attemptsAllowed: 0',
    'reviewPolicy: after-submit',
    'sections:',
    '  - title: Complaints',
    '    draw: 3',
    '    from: { category: complaint-handling, types: [single, truefalse] }',
    '',
  ].join('\n');

const SCENARIO = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'scenarios', 'ok', 'parcel-late.yaml'),
  'utf8',
);

// Both editors keep every published version, show what changed, and put an old text back.
describe('Versions of exams and scenarios written in the editors', () => {
  let t: TestApp;
  let trainer: string;
  let trainee: string;

  beforeAll(async () => {
    t = await createTestApp();
    [trainer, trainee] = await Promise.all([
      t.bearer('trainer@academy.local'),
      t.bearer('trainee@academy.local'),
    ]);
  });
  afterAll(async () => t?.close());

  const call = (method: 'get' | 'put' | 'post', path: string, body?: object) => {
    const request = t.http()[method](path).set('Authorization', trainer);
    return body ? request.send(body) : request;
  };
  const publishExam = async (source: string): Promise<void> => {
    await call('put', '/api/exams/authoring/drafts', { source }).expect(200);
    await call('post', '/api/exams/authoring/versioned-exam/publish').expect(200);
  };

  it('should keep every exam version with what changed since the one before', async () => {
    await publishExam(exam(70));
    await publishExam(exam(80, 'Versioned exam, harder'));
    await call('put', '/api/exams/authoring/drafts', {
      source: exam(85, 'Versioned exam, harder'),
    }).expect(200);

    const history = (await call('get', '/api/exams/authoring/versioned-exam/versions').expect(200))
      .body as Revision[];
    expect(history.map((revision) => revision.version)).toEqual([null, 2, 1]);
    expect(history[1]).toMatchObject({
      title: 'Versioned exam, harder',
      authorName: expect.any(String),
    });
    expect(history[2].title).toBe('Versioned exam');

    const first = (await call('get', '/api/exams/authoring/versioned-exam/versions/1').expect(200))
      .body as Changes;
    expect(first).toMatchObject({ against: null, added: 10, removed: 0, source: exam(70) });

    const second = (await call('get', '/api/exams/authoring/versioned-exam/versions/2').expect(200))
      .body as Changes;
    expect(second).toMatchObject({ against: 1, added: 2, removed: 2 });
    const changed = second.hunks
      .flatMap((hunk) => hunk.lines)
      .filter((line) => line.kind !== 'same');
    expect(changed).toEqual([
      { kind: 'removed', text: 'title: Versioned exam', before: 2, after: null },
      { kind: 'added', text: 'title: Versioned exam, harder', before: null, after: 2 },
      { kind: 'removed', text: 'passMark: 70', before: 4, after: null },
      { kind: 'added', text: 'passMark: 80', before: null, after: 4 },
    ]);

    const draft = (
      await call('get', '/api/exams/authoring/versioned-exam/versions/draft').expect(200)
    ).body as Changes;
    expect(draft).toMatchObject({ against: 2, added: 1, removed: 1, revision: { version: null } });
  });

  it('should put an old exam version back as the draft without losing a draft by accident', async () => {
    const refused = await call(
      'post',
      '/api/exams/authoring/versioned-exam/versions/1/restore',
      {},
    ).expect(409);
    expect(refused.body).toMatchObject({
      code: 'DRAFT_EXISTS',
      errors: [{ path: 'replaceDraft', messages: [expect.any(String)] }],
    });
    const kept = (await call('get', '/api/exams/authoring/versioned-exam').expect(200)).body as {
      source: string;
    };
    expect(kept.source).toBe(exam(85, 'Versioned exam, harder'));

    await call('post', '/api/exams/authoring/versioned-exam/versions/1/restore', {
      replaceDraft: 'yes',
    }).expect(400);
    const restored = (
      await call('post', '/api/exams/authoring/versioned-exam/versions/1/restore', {
        replaceDraft: true,
      }).expect(200)
    ).body as { source: string; publishedVersion: number };
    expect(restored).toMatchObject({ source: exam(70), publishedVersion: 2 });
    await call('post', '/api/exams/authoring/versioned-exam/publish').expect(200);
    const third = (await call('get', '/api/exams/authoring/versioned-exam/versions/3').expect(200))
      .body as Changes;
    expect(third).toMatchObject({ against: 2, source: exam(70), added: 2, removed: 2 });
    // With no draft in progress, restoring needs no confirmation.
    await call('post', '/api/exams/authoring/versioned-exam/versions/2/restore', {}).expect(200);
  });

  it('should answer unknown versions, content exams and trainees clearly', async () => {
    for (const version of ['9', 'abc', '0', '-1'])
      expect(
        (await call('get', `/api/exams/authoring/versioned-exam/versions/${version}`).expect(404))
          .body.code,
      ).toBe('VERSION_NOT_FOUND');
    await call('post', '/api/exams/authoring/versioned-exam/versions/draft/restore', {}).expect(
      404,
    );
    expect(
      (await call('get', '/api/exams/authoring/onboarding-final/versions').expect(409)).body.code,
    ).toBe('EXAM_READ_ONLY');
    await call('get', '/api/exams/authoring/no-such-exam/versions').expect(404);
    await t
      .http()
      .get('/api/exams/authoring/versioned-exam/versions')
      .set('Authorization', trainee)
      .expect(403);
  });

  it('should keep scenario versions, and content scenarios read-only', async () => {
    await call('put', '/api/simulations/authoring/drafts', { source: SCENARIO }).expect(200);
    await call('post', '/api/simulations/authoring/parcel-late/publish', {}).expect(200);
    const v2 = SCENARIO.replace(
      'customer: "Thanks, bye."',
      'customer: "Thanks, that is all. Bye."',
    );
    await call('put', '/api/simulations/authoring/drafts', { source: v2 }).expect(200);
    await call('post', '/api/simulations/authoring/parcel-late/publish', {}).expect(200);

    const history = (
      await call('get', '/api/simulations/authoring/parcel-late/versions').expect(200)
    ).body as Revision[];
    expect(history.map((revision) => revision.version)).toEqual([2, 1]);
    const second = (
      await call('get', '/api/simulations/authoring/parcel-late/versions/2').expect(200)
    ).body as Changes;
    expect(second).toMatchObject({ against: 1, added: 1, removed: 1 });
    expect(
      second.hunks[0].lines.filter((line) => line.kind === 'added').map((line) => line.text.trim()),
    ).toEqual(['customer: "Thanks, that is all. Bye."']);

    const restored = (
      await call('post', '/api/simulations/authoring/parcel-late/versions/1/restore', {}).expect(
        200,
      )
    ).body as { source: string; draft: { nextVersion: number } };
    expect(restored).toMatchObject({ source: SCENARIO, draft: { nextVersion: 3 } });
    expect(
      (
        await call('post', '/api/simulations/authoring/parcel-late/versions/2/restore', {}).expect(
          409,
        )
      ).body.code,
    ).toBe('DRAFT_EXISTS');

    const content = (
      await call('get', '/api/simulations/authoring/billing-dispute/versions').expect(200)
    ).body as Revision[];
    expect(content.length).toBeGreaterThanOrEqual(1);
    expect(
      (
        await call(
          'post',
          '/api/simulations/authoring/billing-dispute/versions/1/restore',
          {},
        ).expect(409)
      ).body.code,
    ).toBe('SCENARIO_READ_ONLY');
    expect(
      (await call('get', '/api/simulations/authoring/parcel-late/versions/7').expect(404)).body
        .code,
    ).toBe('VERSION_NOT_FOUND');
  });

  it('should serve the history pages with the changes and a restore form', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    const editor = await browser.get('/exams/authoring/versioned-exam');
    expect(editor.text).toContain('href="/exams/authoring/versioned-exam/versions"');
    const page = await browser.get('/exams/authoring/versioned-exam/versions?show=2');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Version 2: changes since Version 1');
    expect(page.text).toMatch(/<tr class="added">.*passMark: 80<\/td><\/tr>/);
    expect(page.text).toMatch(/<tr class="removed">.*passMark: 70<\/td><\/tr>/);
    expect(page.text).toContain('Replace the draft in progress');

    const refused = await browser.postForm(
      '/exams/authoring/versioned-exam/versions/1/restore',
      {},
    );
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('id="replace-draft-error"');
    expect(refused.text).toContain('aria-invalid="true"');
    const done = await browser.postForm('/exams/authoring/versioned-exam/versions/1/restore', {
      replaceDraft: 'true',
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/exams/authoring/versioned-exam?restored=1');
    expect((await browser.get(done.headers.location)).text).toContain(
      'The text of version 1 is now the draft',
    );
    expect((await browser.get('/exams/authoring/versioned-exam/versions?show=nope')).status).toBe(
      404,
    );

    const scenarioPage = await browser.get('/simulations/authoring/billing-dispute/versions');
    expect(scenarioPage.status).toBe(200);
    expect(scenarioPage.text).not.toContain('data-testid="restore-form"');
    expect(
      (await browser.get('/simulations/authoring/parcel-late/versions?show=2')).text,
    ).toContain('Thanks, that is all. Bye.');
  });
});

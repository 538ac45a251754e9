import { parse } from 'yaml';
import { parseQuestion } from '../../../src/exams/engine';
import { BrowserSession } from '../../support/browser-session';
import { EXAM_FIXTURE_ENV } from '../../support/exams';
import { sharedFixture } from '../../support/shared-dir';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

// Moodle's own GIFT fixture, read in place (../shared/fixtures/README.md).
const MOODLE_FIXTURE = sharedFixture('gift', 'moodle', 'questions.gift.txt');

describe('GIFT import (API and page)', () => {
  let t: TestApp;
  let trainer: string;

  beforeAll(async () => {
    t = await createTestApp({ env: EXAM_FIXTURE_ENV });
    trainer = await t.bearer('trainer@academy.local');
  });
  afterAll(async () => t?.close());

  it("should import Moodle's fixture uploaded as a file, every question included", async () => {
    const response = await t
      .http()
      .post('/api/exams/banks/import?title=Moodle%20fixture')
      .set('Authorization', trainer)
      .attach('file', MOODLE_FIXTURE)
      .expect(201);
    expect(response.body).toMatchObject({
      bank: { id: 'questions-gift', title: 'Moodle fixture', source: 'import', questions: 9 },
      replaced: false,
      issues: [],
    });
    expect(response.body.bank.byType).toEqual({
      freetext: 1,
      matching: 1,
      single: 1,
      multiple: 1,
      numerical: 1,
      short: 1,
      truefalse: 3,
    });
  });

  it('should keep the good questions of a text/plain upload and report each bad one with its line', async () => {
    const gift = [
      '::Good::Sky is blue?{T}',
      '',
      '::Broken::Pick one{~a =b',
      '',
      '::Weights::Pick{~%50%a ~b}',
      '',
      '::Also good::Capital of France?{=Paris}',
    ].join('\n');
    const response = await t
      .http()
      .post('/api/exams/banks/import?bankId=mixed-bag')
      .set('Authorization', trainer)
      .set('content-type', 'text/plain')
      .send(gift)
      .expect(201);
    expect(response.body.questions.map((question: { title: string }) => question.title)).toEqual([
      'Good',
      'Also good',
    ]);
    expect(response.body.issues).toEqual([
      { line: 3, title: 'Broken', reason: expect.stringMatching(/^GIFT: /) },
      {
        line: 5,
        title: 'Weights',
        path: 'choices',
        reason: 'the positive fractions must add up to 1 (they add up to 0.5)',
      },
    ]);
    const again = await t
      .http()
      .post('/api/exams/banks/import?bankId=mixed-bag')
      .set('Authorization', trainer)
      .set('content-type', 'text/plain')
      .send('::Only::One?{F}')
      .expect(201);
    expect(again.body).toMatchObject({ replaced: true, bank: { questions: 1 } });
  });

  it('should refuse a file with no importable question, and ids taken by content banks', async () => {
    const none = await t
      .http()
      .post('/api/exams/banks/import?bankId=nothing')
      .set('Authorization', trainer)
      .set('content-type', 'text/plain')
      .send('::Bad::{~a ~b')
      .expect(422);
    expect(none.body).toMatchObject({
      code: 'IMPORT_REJECTED',
      errors: [{ path: 'line 1', messages: [expect.stringMatching(/^GIFT: /)] }],
    });
    await t
      .http()
      .post('/api/exams/banks/import?bankId=walkthrough')
      .set('Authorization', trainer)
      .set('content-type', 'text/plain')
      .send('Q?{T}')
      .expect(409);
    await t
      .http()
      .post('/api/exams/banks/import?bankId=Not%20Valid')
      .set('Authorization', trainer)
      .set('content-type', 'text/plain')
      .send('Q?{T}')
      .expect(422);
    await t
      .http()
      .post('/api/exams/banks/import')
      .set('Authorization', trainer)
      .send({})
      .expect(400);
    // An [id:] that a content bank already uses is left out, not duplicated.
    const clash = await t
      .http()
      .post('/api/exams/banks/import?bankId=clash')
      .set('Authorization', trainer)
      .set('content-type', 'text/plain')
      .send('// [id:wt-tf]\nQ?{T}\n\n// [id:fresh]\nR?{F}')
      .expect(201);
    expect(clash.body.issues).toEqual([
      expect.objectContaining({ path: 'id', reason: 'the id "wt-tf" is already used' }),
    ]);
  });

  it('should list content and imported banks and give an imported bank back as valid bank YAML', async () => {
    const banks = await t.http().get('/api/exams/banks').set('Authorization', trainer).expect(200);
    expect(
      banks.body.map((bank: { id: string; source: string }) => `${bank.id}:${bank.source}`),
    ).toEqual(
      expect.arrayContaining([
        'walkthrough:yaml',
        'moodle-import:gift',
        'questions-gift:import',
        'mixed-bag:import',
      ]),
    );
    const yaml = await t
      .http()
      .get('/api/exams/banks/questions-gift/yaml')
      .set('Authorization', trainer)
      .expect(200);
    expect(yaml.headers['content-type']).toMatch(/yaml/);
    const bank = parse(yaml.text) as { id: string; questions: unknown[] };
    expect(bank.id).toBe('questions-gift');
    expect(bank.questions.map((question) => parseQuestion(question).ok)).toEqual(
      Array(9).fill(true),
    );
    await t.http().delete('/api/exams/banks/mixed-bag').set('Authorization', trainer).expect(204);
    await t.http().get('/api/exams/banks/mixed-bag').set('Authorization', trainer).expect(404);
    await t.http().delete('/api/exams/banks/walkthrough').set('Authorization', trainer).expect(404);
    const audit = await t
      .http()
      .get('/api/audit?targetType=exam-bank')
      .set('Authorization', await t.bearer('admin@academy.local'))
      .expect(200);
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['exam.bank.imported', 'exam.bank.deleted']),
    );
  });

  it('should import through the page, pasted or uploaded, and show the per-question report', async () => {
    const session = new BrowserSession(t.app.getHttpServer());
    await session.signIn('trainer@academy.local', DEMO_PASSWORD);
    const page = await session.get('/exams/banks');
    expect(page.text).toContain('Import a Moodle GIFT file');
    const result = await session.postForm('/exams/banks/import', {
      gift: 'Q1?{T}\n\nBroken{~a =b',
      bankId: 'from-page',
      title: 'From the page',
    });
    expect(result.status).toBe(200);
    expect(result.text).toContain('1 question(s) imported');
    expect(result.text).toMatch(/data-testid="import-issues"[\s\S]*line 3/);
    const preview = await session.get('/exams/banks/from-page');
    expect(preview.text).toContain('Q1?');
    const refused = await session.postForm('/exams/banks/import', { gift: 'Broken{~a =b' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('No question in the file could be imported');
  });
});

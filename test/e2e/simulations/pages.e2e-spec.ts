import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserSession } from '../../support/browser-session';
import { BILLING_MAIN_PATH, goodReplies } from '../../support/simulations';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

// billing-dispute answered along its main path (the good branch at every step).
const GOOD_REPLIES = goodReplies('billing-dispute', BILLING_MAIN_PATH);

const CONTENT_SCENARIOS = readdirSync(join(__dirname, '../../../content/scenarios')).filter(
  (file) => file.endsWith('.yaml'),
).length;
const SESSION_URL = /^\/simulations\/sessions\/([0-9a-f-]{36})$/;

async function startScenario(session: BrowserSession, scenarioId: string): Promise<string> {
  await session.get(`/simulations/${scenarioId}`);
  const response = await session.postForm(`/simulations/${scenarioId}/start`, {});
  expect(response.status).toBe(303);
  const match = SESSION_URL.exec(String(response.headers.location));
  expect(match).not.toBeNull();
  return match![1];
}

// One app for the whole file: a second app in the same process loads content/ again, and the
// scoring engine does not score every reply the same on the second load (see the report).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('Role-play pages', () => {
  let trainee: BrowserSession;
  let other: BrowserSession;
  let trainer: BrowserSession;
  let sessionId: string;

  beforeAll(async () => {
    const admin = await t.bearer('admin@academy.local');
    await t
      .http()
      .post('/api/users')
      .set('Authorization', admin)
      .send({
        email: 'olu@academy.local',
        displayName: 'Olu Other',
        roles: ['trainee'],
        team: 'South',
        password: DEMO_PASSWORD,
      })
      .expect(201);
    trainee = new BrowserSession(t.app.getHttpServer());
    other = new BrowserSession(t.app.getHttpServer());
    trainer = new BrowserSession(t.app.getHttpServer());
    await trainee.signIn('trainee@academy.local', DEMO_PASSWORD);
    await other.signIn('olu@academy.local', DEMO_PASSWORD);
    await trainer.signIn('trainer@academy.local', DEMO_PASSWORD);
  });

  it('should list every scenario with the trainee’s status and no trainer links', async () => {
    const page = await trainee.get('/simulations');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-scenario="billing-dispute"');
    expect(page.text.match(/data-testid="status">Not started</g)).toHaveLength(CONTENT_SCENARIOS);
    expect(page.text).not.toContain('data-testid="staff-links"');
    expect(page.text).not.toContain('/simulations/billing-dispute/results');
  });

  it('should filter the list by tag and difficulty', async () => {
    const page = await trainee.get('/simulations?tag=billing&difficulty=easy');
    expect(page.text).toContain('data-scenario="billing-dispute"');
    expect(page.text).not.toContain('data-scenario="fraud-on-account"');
    const none = await trainee.get('/simulations?tag=no-such-tag');
    expect(none.text).toContain('No scenario matches these filters');
  });

  it('should show the trainer the links to results, sessions and the editor', async () => {
    const page = await trainer.get('/simulations');
    expect(page.text).toContain('data-testid="staff-links"');
    expect(page.text).toContain('href="/simulations/billing-dispute/results"');
  });

  it('should render the brief with the persona, the pass mark and a Start button', async () => {
    const page = await trainee.get('/simulations/billing-dispute');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Daniel Achterberg');
    expect(page.text).toContain('a mean score of 70');
    expect(page.text).toContain('action="/simulations/billing-dispute/start"');
    expect(page.text).toContain('Start the conversation');
  });

  it('should answer 404 for a scenario that does not exist', async () => {
    await expect(trainee.get('/simulations/no-such-scenario')).resolves.toMatchObject({
      status: 404,
    });
    const start = await trainee.postForm('/simulations/no-such-scenario/start', {});
    expect(start.status).toBe(404);
  });

  it('should refuse to start without the CSRF token', async () => {
    await trainee.get('/simulations/billing-dispute');
    const response = await trainee.postForm('/simulations/billing-dispute/start', {}, false);
    expect(response.status).toBe(403);
    expect(response.text).toContain('reload the page and try again');
  });

  it('should start through the form, then resume the same session', async () => {
    sessionId = await startScenario(trainee, 'billing-dispute');
    await expect(startScenario(trainee, 'billing-dispute')).resolves.toBe(sessionId);
    const brief = await trainee.get('/simulations/billing-dispute');
    expect(brief.text).toContain('Resume the conversation');
  });

  it('should render the conversation with the mood meter, the masked account and the reply box', async () => {
    const page = await trainee.get(`/simulations/sessions/${sessionId}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<li class="line customer"><span class="speaker">Daniel Achterberg/);
    expect(page.text).toContain('role="log" aria-live="polite"');
    expect(page.text).toMatch(/<meter id="anger-meter"[^>]* value="60"/);
    expect(page.text).toContain('anger 60 of 100');
    expect(page.text).toContain('NW-530917');
    expect(page.text).not.toContain('40512291');
    expect(page.text).not.toContain('14/05/1979');
    expect(page.text).toContain('<input type="hidden" name="turnIndex" value="0">');
    expect(page.text).toContain('src="/assets/js/simulation.js"');
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('should re-render the page with a field error when the reply is blank', async () => {
    await trainee.get(`/simulations/sessions/${sessionId}`);
    const response = await trainee.postForm(`/simulations/sessions/${sessionId}/turns`, {
      turnIndex: '0',
      text: '   ',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('Write a reply first');
    expect(response.text).toContain('id="reply-form"');
  });

  it('should refuse a reply without the CSRF token and store nothing', async () => {
    const response = await trainee.postForm(
      `/simulations/sessions/${sessionId}/turns`,
      { turnIndex: '0', text: GOOD_REPLIES[0] },
      false,
    );
    expect(response.status).toBe(403);
    const page = await trainee.get(`/simulations/sessions/${sessionId}`);
    expect(page.text).toContain('name="turnIndex" value="0"');
  });

  it('should play a turn through the form post, redirect back, and store a double submit once', async () => {
    await trainee.get(`/simulations/sessions/${sessionId}`);
    const form = { turnIndex: '0', text: GOOD_REPLIES[0] };
    const first = await trainee.postForm(`/simulations/sessions/${sessionId}/turns`, form);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/simulations/sessions/${sessionId}`);
    const again = await trainee.postForm(`/simulations/sessions/${sessionId}/turns`, form);
    expect(again.status).toBe(303);
    const page = await trainee.get(`/simulations/sessions/${sessionId}`);
    expect(page.text).toContain('name="turnIndex" value="1"');
    expect(page.text.split(GOOD_REPLIES[0].replace(/'/g, '&#x27;')).length - 1).toBe(1);
    expect(page.text).toContain('Okay. Thank you. So what do you need from me?');
    expect(page.text).toContain('anger 40 of 100');
    expect(page.text).toContain('<span id="mood-label" class="badge good">calm</span>');
  });

  it('should hide another trainee’s session, turns and debrief behind a 404', async () => {
    await expect(other.get(`/simulations/sessions/${sessionId}`)).resolves.toMatchObject({
      status: 404,
    });
    await other.get('/simulations');
    const post = await other.postForm(`/simulations/sessions/${sessionId}/turns`, {
      turnIndex: '1',
      text: 'Hello there',
    });
    expect(post.status).toBe(404);
    await expect(other.get(`/simulations/sessions/${sessionId}/debrief`)).resolves.toMatchObject({
      status: 404,
    });
    const unknown = await trainee.get('/simulations/sessions/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
  });

  it('should send the debrief back to the conversation while it is running', async () => {
    const response = await trainee.get(`/simulations/sessions/${sessionId}/debrief`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/simulations/sessions/${sessionId}`);
  });

  it('should let the trainer read the running conversation without a reply box', async () => {
    const page = await trainer.get(`/simulations/sessions/${sessionId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('only they can reply');
    expect(page.text).not.toContain('id="reply-form"');
  });

  it('should play to the end through the form and show the debrief with highlights and the verdict', async () => {
    for (let turn = 1; turn < GOOD_REPLIES.length; turn++) {
      await trainee.get(`/simulations/sessions/${sessionId}`);
      const response = await trainee.postForm(`/simulations/sessions/${sessionId}/turns`, {
        turnIndex: String(turn),
        text: GOOD_REPLIES[turn],
      });
      expect(response.status).toBe(303);
      const last = turn === GOOD_REPLIES.length - 1;
      expect(response.headers.location).toBe(
        `/simulations/sessions/${sessionId}${last ? '/debrief' : ''}`,
      );
    }
    const page = await trainee.get(`/simulations/sessions/${sessionId}/debrief`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="verdict">Passed<');
    expect(page.text).toContain('data-testid="outcome">Resolved<');
    expect(page.text.match(/data-testid="debrief-turn"/g)).toHaveLength(5);
    expect(page.text).toMatch(/<mark class="helped" title="[^"]+: [^"]+"/);
    expect(page.text).toContain('Model answer');
    expect(page.text).toContain('Acknowledge the double charge before you ask for anything');
    expect(page.text).toContain('action="/simulations/billing-dispute/start"');
    // The finished conversation stays readable, with the way on to the debrief.
    const conversation = await trainee.get(`/simulations/sessions/${sessionId}`);
    expect(conversation.text).not.toContain('id="reply-form"');
    expect(conversation.text).toMatch(/data-testid="ended">/);
    const late = await trainee.postForm(`/simulations/sessions/${sessionId}/turns`, {
      turnIndex: '5',
      text: 'Anything else?',
    });
    expect(late.status).toBe(303);
    expect(late.headers.location).toBe(`/simulations/sessions/${sessionId}/debrief`);
    const list = await trainee.get('/simulations');
    expect(list.text).toMatch(
      /data-scenario="billing-dispute"[\s\S]*?data-testid="status">Passed</,
    );
  });

  it('should open the debrief to the trainer, named after the trainee, without Try again', async () => {
    const page = await trainer.get(`/simulations/sessions/${sessionId}/debrief`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('by Tara Trainee');
    expect(page.text).not.toContain('Try again');
  });

  it('should list the trainer’s trainees’ sessions with filters, and refuse a trainee', async () => {
    const page = await trainer.get('/simulations/sessions');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-session="${sessionId}"`);
    expect(page.text).toContain(`href="/simulations/sessions/${sessionId}/debrief"`);
    const filtered = await trainer.get('/simulations/sessions?scenarioId=fraud-on-account&team=');
    expect(filtered.text).not.toContain(`data-session="${sessionId}"`);
    const bad = await trainer.get('/simulations/sessions?userId=not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/class="field-error"[^>]*>Must be a UUID/);
    await expect(trainee.get('/simulations/sessions')).resolves.toMatchObject({ status: 403 });
  });

  it('should offer a supervisor only the people and teams they manage as filters', async () => {
    const supervisor = new BrowserSession(t.app.getHttpServer());
    await supervisor.signIn('supervisor@academy.local', DEMO_PASSWORD);
    const options = (html: string, name: string) =>
      [
        ...(
          html.match(new RegExp(`<select name="${name}">([\\s\\S]*?)</select>`))?.[1] ?? ''
        ).matchAll(/<option value="[^"]*"[^>]*>([^<]*)</g),
      ].map((option) => option[1]);
    const page = await supervisor.get('/simulations/sessions');
    expect(page.status).toBe(200);
    expect(options(page.text, 'userId')).toEqual(['anyone', 'Tara Trainee']);
    expect(options(page.text, 'team').slice(1)).toEqual(['North']);
    // The trainer manages both teams, so sees both and Olu too; a team narrows the people.
    const all = await trainer.get('/simulations/sessions');
    expect(options(all.text, 'userId')).toEqual(['anyone', 'Olu Other', 'Tara Trainee']);
    const south = await trainer.get('/simulations/sessions?team=South');
    expect(options(south.text, 'userId')).toEqual(['anyone', 'Olu Other']);
  });

  it('should show per-scenario results to staff with the pass rate and a chart, and refuse a trainee', async () => {
    const page = await trainer.get('/simulations/billing-dispute/results');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="pass-rate">100 %<');
    expect(page.text).toMatch(/<svg class="bar-chart" role="img"[\s\S]*<rect /);
    await expect(trainee.get('/simulations/billing-dispute/results')).resolves.toMatchObject({
      status: 403,
    });
    await expect(trainer.get('/simulations/no-such-scenario/results')).resolves.toMatchObject({
      status: 404,
    });
  });
});

describe('Scenario editor pages', () => {
  let trainer: BrowserSession;
  let trainee: BrowserSession;
  let starter: string;

  const lineOf = (source: string, start: string): number =>
    source.split('\n').findIndex((line) => line.startsWith(start)) + 1;
  const decode = (html: string): string =>
    html
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&#x3D;/g, '=')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  beforeAll(async () => {
    trainer = new BrowserSession(t.app.getHttpServer());
    trainee = new BrowserSession(t.app.getHttpServer());
    await trainer.signIn('trainer@academy.local', DEMO_PASSWORD);
    await trainee.signIn('trainee@academy.local', DEMO_PASSWORD);
  });

  it('should list the content scenarios read-only with a copy link, for trainers only', async () => {
    const page = await trainer.get('/simulations/authoring');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/simulations/authoring/new?from=billing-dispute"');
    expect(page.text.match(/<tr data-scenario="/g)).toHaveLength(CONTENT_SCENARIOS);
    await expect(trainee.get('/simulations/authoring')).resolves.toMatchObject({ status: 403 });
    await expect(trainee.get('/simulations/authoring/new')).resolves.toMatchObject({ status: 403 });
  });

  it('should open a new scenario on a valid starter with its flow and the steps to try', async () => {
    const page = await trainer.get('/simulations/authoring/new');
    expect(page.status).toBe(200);
    starter = decode(/<textarea id="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.text)![1]);
    expect(starter).toMatch(/^id: my-new-scenario$/m);
    expect(page.text).toContain('No problems; every calibration example takes its branch.');
    expect(page.text).toMatch(/<li id="flow-opening" class="flow-step dialogue">/);
    expect(page.text).toMatch(/<li id="flow-resolved" class="flow-step outcome">/);
    expect(page.text).toContain('<option value="opening">opening</option>');
    expect(page.text).toContain('src="/assets/js/scenario-editor.js"');
  });

  it('should report a broken line with its number when the form checks the source', async () => {
    const broken = starter.replace('difficulty: easy', 'difficulty: impossible');
    const page = await trainer.postForm('/simulations/authoring/editor', {
      source: broken,
      intent: 'validate',
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain('1 problem(s).');
    const line = lineOf(broken, 'difficulty:');
    expect(page.text).toMatch(
      new RegExp(
        `<button type="button" class="line-link" data-line="${line}">line ${line}</button> <code>difficulty</code>`,
      ),
    );
  });

  it('should try a reply through the form and show the branch it takes', async () => {
    const page = await trainer.postForm('/simulations/authoring/editor', {
      source: starter,
      intent: 'try',
      stepId: 'opening',
      text: "Good morning, you're through to Sam at Northwind. Thank you for getting in touch, I'm happy to help.",
      anger: '',
    });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(
      /<strong>Branch 0<\/strong> \(overall ≥ 60\) → <code>resolved<\/code>/,
    );
    const outcome = await trainer.postForm('/simulations/authoring/editor', {
      source: starter,
      intent: 'try',
      stepId: 'resolved',
      text: 'Hello',
      anger: '300',
    });
    expect(outcome.status).toBe(400);
    expect(outcome.text).toMatch(/class="field-error"[^>]*>Must be 100 or less/);
  });

  it('should refuse to publish while a calibration example takes another branch', async () => {
    const miscalibrated = starter.replace(
      '{ text: "What.", branch: 1 }',
      '{ text: "What.", branch: 0 }',
    );
    const page = await trainer.postForm('/simulations/authoring/editor', {
      source: miscalibrated,
      intent: 'publish',
    });
    expect(page.status).toBe(422);
    expect(page.text).toContain('cannot be published yet');
    expect(page.text).toContain(`line ${lineOf(miscalibrated, '      - { text: "What."')}:`);
    // The draft is filed: the page is that scenario's editor now, and says so to the next post.
    expect(page.text).toContain('<input type="hidden" name="scenarioId" value="my-new-scenario">');
    const list = await trainer.get('/simulations/authoring');
    expect(list.text).toMatch(/data-scenario="my-new-scenario"[\s\S]*?badge warn">draft/);
  });

  it('should save a draft, then publish it so trainees can play it', async () => {
    const saved = await trainer.postForm('/simulations/authoring/editor', {
      source: starter,
      scenarioId: 'my-new-scenario',
      intent: 'save',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/simulations/authoring/my-new-scenario?saved=1');
    await expect(trainer.get(saved.headers.location as string)).resolves.toMatchObject({
      text: expect.stringContaining('Draft saved.'),
    });
    const published = await trainer.postForm('/simulations/authoring/editor', {
      source: starter,
      scenarioId: 'my-new-scenario',
      intent: 'publish',
    });
    expect(published.status).toBe(303);
    expect(published.headers.location).toBe('/simulations/authoring/my-new-scenario?published=1');
    const list = await trainee.get('/simulations');
    expect(list.text).toContain('data-scenario="my-new-scenario"');
  });

  it('should show a content scenario read-only and copy it under a new id', async () => {
    const page = await trainer.get('/simulations/authoring/billing-dispute');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<textarea id="source"[^>]* readonly>/);
    expect(page.text).not.toContain('value="save"');
    const copy = await trainer.get('/simulations/authoring/new?from=billing-dispute');
    expect(copy.text).toMatch(/<textarea id="source"[^>]*>id: billing-dispute-copy\n/);
    const refused = await trainer.postForm('/simulations/authoring/editor', {
      source: decode(/<textarea id="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.text)![1]),
      intent: 'save',
    });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('is a content scenario');
    await expect(trainer.get('/simulations/authoring/no-such-thing')).resolves.toMatchObject({
      status: 404,
    });
  });

  it('should refuse the editor form without the CSRF token', async () => {
    await trainer.get('/simulations/authoring/new');
    const response = await trainer.postForm(
      '/simulations/authoring/editor',
      { source: starter, intent: 'save' },
      false,
    );
    expect(response.status).toBe(403);
  });
});

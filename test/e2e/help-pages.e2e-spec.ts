import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/test-app';

// The format references of the editors, in the app: the text of docs/, as a page.
describe('Help pages', () => {
  let t: TestApp;
  let trainer: string;

  beforeAll(async () => {
    t = await createTestApp();
    trainer = await t.bearer('trainer@academy.local');
  });
  afterAll(async () => t?.close());

  const get = (path: string, bearer?: string) => {
    const call = t.http().get(path).set('Accept', 'text/html');
    return bearer ? call.set('Authorization', bearer) : call;
  };

  it.each([
    ['exam-format', 'exam-format.md', 'Question banks'],
    ['scenario-format', 'scenario-format.md', 'calibration'],
  ])('should show /help/%s from docs/%s', async (topic, file, phrase) => {
    const page = await get(`/help/${topic}`, trainer).expect(200);
    const source = readFileSync(join(__dirname, '..', '..', 'docs', file), 'utf8');
    const heading = /^# (.+)$/m.exec(source)![1].replace(/`/g, '');
    // The page is titled after the document's heading (its words before any bracket).
    expect(page.text).toContain(`<title>${heading.split(' (')[0]}`);
    expect(page.text).toContain(phrase);
    expect(page.text).toMatch(/<pre><code>id: /);
  });

  it('should link the formats from the editors, in a new tab so nothing typed is lost', async () => {
    const exams = await get('/exams/authoring/new', trainer).expect(200);
    expect(exams.text).toContain('href="/help/exam-format" target="_blank"');
    const scenarios = await get('/simulations/authoring/new', trainer).expect(200);
    expect(scenarios.text).toContain('href="/help/scenario-format" target="_blank"');
  });

  it('should answer an unknown topic as a missing page, and ask who is asking first', async () => {
    const unknown = await get('/help/passwords', trainer);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('There is no such page');
    const anonymous = await get('/help/exam-format');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
  });
});

import { createTestApp, TestApp } from '../support/test-app';

// An address that leads nowhere, typed or followed from an old link, is a "no such page" page for
// a person; the API keeps answering in its own terms.
describe('Addresses that lead nowhere', () => {
  let t: TestApp;
  let hr: string;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.bearer('hr@academy.local');
  });
  afterAll(async () => t?.close());

  it.each([
    '/nonexistent-page',
    '/reports/people/nope',
    '/rotations/people/nope',
    '/exams/attempts/nope',
    '/simulations/sessions/nope',
  ])('should show %s as a page that does not exist', async (path) => {
    const page = await t.http().get(path).set('Authorization', hr).set('Accept', 'text/html');
    expect(page.status).toBe(404);
    expect(page.text).toContain('There is no such page: the link may be mistyped or out of date.');
    expect(page.text).not.toMatch(/Cannot GET|uuid is expected/);
  });

  it('should keep the API answers for the same mistakes', async () => {
    const route = await t.http().get('/api/no-such-route').set('Authorization', hr);
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ code: 'NOT_FOUND' });
    const id = await t.http().get('/api/exams/attempts/nope').set('Authorization', hr);
    expect(id.status).toBe(400);
  });
});

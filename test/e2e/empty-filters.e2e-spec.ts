import { createTestApp, TestApp } from '../support/test-app';

// Filter forms send every field, empty for "any": that must mean no filter, on the pages and in
// the API alike, never an invalid value.
describe('Filters left on "any"', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.bearer('admin@academy.local');
  });
  afterAll(async () => t?.close());

  it.each([
    '/admin/users?role=&team=&q=&status=',
    '/admin/users?role=&team=&q=ava&status=',
    '/admin/audit?action=&targetType=&targetId=&from=&to=',
    '/certificates/staff?programme=&status=&team=',
    '/rotations/plan?status=&team=',
    '/courses/complaint-handling/progress?team=North&cohort=',
    '/simulations/sessions?team=&userId=&q=&scenarioId=&status=&reviewed=',
    '/simulations/reviews?scenarioId=&team=&from=&to=',
  ])('should answer %s as the unfiltered page', async (path) => {
    const page = await t.http().get(path).set('Authorization', admin).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('role="alert"');
  });

  it('should read an empty parameter of the API as absent, and a wrong one still as an error', async () => {
    const all = await t.http().get('/api/users').set('Authorization', admin).expect(200);
    const empty = await t
      .http()
      .get('/api/users?role=&status=')
      .set('Authorization', admin)
      .expect(200);
    expect(empty.body).toEqual(all.body);
    const wrong = await t.http().get('/api/users?role=chef').set('Authorization', admin);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('role');
  });
});

import { BrowserSession } from '../../support/browser-session';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';
import {
  certificationContent,
  COACHED,
  recordActivity,
  SENIOR,
  userId,
} from './certification-fixture';

// A programme says who may sign its observation checklist (signedBy): a supervisor of the
// person's team by default, or a trainer of it. Only those may see the task and sign.

describe('Who signs an observation checklist', () => {
  let t: TestApp;
  let traineeId: string;
  let trainer: string;
  let supervisor: string;

  const tasks = async (bearer: string): Promise<string[]> =>
    (
      (await t.http().get('/api/sign-offs').set('Authorization', bearer).expect(200)).body as {
        userId: string;
        programmeId: string;
      }[]
    )
      .filter((task) => task.userId === traineeId)
      .map((task) => task.programmeId)
      .sort();
  const sign = (bearer: string, programmeId: string, ticked: string[]) =>
    t
      .http()
      .post(`/api/users/${traineeId}/sign-offs`)
      .set('Authorization', bearer)
      .send({ programmeId, ticked });

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        CONTENT_DIR: certificationContent({
          'fixture-senior': SENIOR,
          'fixture-coached': COACHED,
        }),
      },
    });
    traineeId = await userId(t, 'trainee@academy.local');
    await recordActivity(t, { userId: traineeId, kind: 'course', id: 'phone-basics' });
    [trainer, supervisor] = await Promise.all([
      t.bearer('trainer@academy.local'),
      t.bearer('supervisor@academy.local'),
    ]);
  });
  afterAll(async () => t?.close());

  it('should list each checklist only to the roles that may sign it', async () => {
    expect(await tasks(supervisor)).toEqual(['fixture-senior']);
    expect(await tasks(trainer)).toEqual(['fixture-coached']);
    const progress = await t
      .http()
      .get('/api/me/certificates')
      .set('Authorization', await t.bearer('trainee@academy.local'))
      .expect(200);
    const missing = JSON.stringify(progress.body);
    expect(missing).toContain('a trainer’s sign-off of the observation checklist');
    expect(missing).toContain('a supervisor’s sign-off of the observation checklist');
  });

  it('should refuse a signature from a role the programme does not name, storing nothing', async () => {
    const bySupervisor = await sign(supervisor, 'fixture-coached', ['owns-cases']).expect(403);
    expect(bySupervisor.body).toMatchObject({ code: 'SIGNER_NOT_ALLOWED' });
    expect(bySupervisor.body.message).toContain('signed by a trainer');
    const byTrainer = await sign(trainer, 'fixture-senior', ['owns-cases']).expect(403);
    expect(byTrainer.body.message).toContain('signed by a supervisor');
    const hr = await t.bearer('hr@academy.local');
    await t.http().get('/api/sign-offs').set('Authorization', hr).expect(403);
    expect(await tasks(trainer)).toEqual(['fixture-coached']);
  });

  it('should let the trainer sign from the page and issue the certificate', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('trainer@academy.local', DEMO_PASSWORD);
    expect((await browser.get('/')).text).toContain('href="/certificates/sign-offs"');
    const page = await browser.get('/certificates/sign-offs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Coaching observation');
    expect(page.text).not.toContain('Live-call observation');
    const refused = await browser.postForm(`/certificates/sign-offs/${traineeId}`, {
      programmeId: 'fixture-senior',
      ticked: ['owns-cases', 'calms-first'],
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('signed by a supervisor');
    const signed = await browser.postForm(`/certificates/sign-offs/${traineeId}`, {
      programmeId: 'fixture-coached',
      ticked: ['owns-cases', 'calms-first'],
    });
    expect(signed.status).toBe(303);
    expect(signed.headers.location).toBe('/certificates/sign-offs?signed=certified');
    expect(await tasks(trainer)).toEqual([]);
    expect(await tasks(supervisor)).toEqual(['fixture-senior']);
  });
});

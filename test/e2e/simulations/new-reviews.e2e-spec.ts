import { DataSource } from 'typeorm';
import { UnseenReviewsService } from '../../../src/simulations/unseen-reviews.service';
import { BrowserSession } from '../../support/browser-session';
import { finishBillingDispute, createTrainee, simulationApi } from '../../support/simulations';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';

interface ReviewBody {
  id: string;
  turnIndex: number;
  seen: boolean;
  updatedAt: string;
}

interface UnseenBody {
  unseen: number;
  sessions: {
    sessionId: string;
    scenarioId: string;
    title: string;
    attemptNumber: number;
    unseen: number;
  }[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, object>>;
  components: { schemas: Record<string, { properties?: Record<string, object> }> };
}

const NEW_REVIEW = 'data-testid="review-new"';
const UNREAD = 'data-testid="review-unread"';

// Trainees learn that a trainer has reviewed their replies: a review is new until they open the
// session's debrief, new again when it changes, and counted on their home and role-play pages.
describe('New reviews of a trainee’s replies', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let trainer: string;
  let supervisor: string;
  let tara: string; // demo trainee, team North
  let taraId: string;
  let east: { id: string; bearer: string }; // team East, which nobody manages
  let first: string; // tara's first finished billing-dispute
  let second: string; // and her second
  let taraPages: BrowserSession;

  const review = (bearer: string, session: string, turn: number, body: object) =>
    t
      .http()
      .put(`/api/simulations/sessions/${session}/turns/${turn}/review`)
      .set('Authorization', bearer)
      .send(body);
  const unseen = async (bearer = tara, userId = taraId): Promise<UnseenBody> =>
    (
      await simulationApi(t, bearer)
        .get(`/api/users/${userId}/reply-reviews/unseen-count`)
        .expect(200)
    ).body as UnseenBody;
  const unseenRows = async (): Promise<number> => {
    const [row] = (await db.query(
      'SELECT COUNT(*) AS n FROM simulation_turn_reviews WHERE seen_at IS NULL',
    )) as { n: number | string }[];
    return Number(row.n);
  };
  const readOverApi = async (bearer: string, session: string): Promise<ReviewBody[]> =>
    (await simulationApi(t, bearer).get(`/api/simulations/sessions/${session}/reviews`).expect(200))
      .body as ReviewBody[];

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    [admin, trainer, supervisor, tara] = await Promise.all([
      t.bearer('admin@academy.local'),
      t.bearer('trainer@academy.local'),
      t.bearer('supervisor@academy.local'),
      t.bearer('trainee@academy.local'),
    ]);
    taraId = ((await simulationApi(t, tara).get('/api/me').expect(200)).body as { id: string }).id;
    east = await createTrainee(t, admin, 'east.unseen@academy.local', 'East');
    first = await finishBillingDispute(t, tara);
    second = await finishBillingDispute(t, tara);
    taraPages = new BrowserSession(t.app.getHttpServer());
    await taraPages.signIn('trainee@academy.local', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('should document the count and the seen flag in the OpenAPI document', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    expect(Object.keys(doc.paths['/api/users/{userId}/reply-reviews/unseen-count'] ?? {})).toEqual([
      'get',
    ]);
    const { schemas } = doc.components;
    expect(Object.keys(schemas.UnseenReviewsView?.properties ?? {}).sort()).toEqual([
      'sessions',
      'unseen',
    ]);
    expect(schemas.ReceivedReviewView?.properties).toHaveProperty('seen');
    expect(schemas.TurnReviewView?.properties).toHaveProperty('seen');
  });

  describe('one session', () => {
    afterAll(async () => db.query('DELETE FROM simulation_turn_reviews'));

    it('should start a new review unseen and count it for the trainee and their staff', async () => {
      const saved = (
        await review(trainer, first, 0, { verdict: 'pass', politeness: 4 }).expect(200)
      ).body as ReviewBody;
      expect(saved.seen).toBe(false);
      const expected = {
        unseen: 1,
        sessions: [
          {
            sessionId: first,
            scenarioId: 'billing-dispute',
            title: 'Direct debit taken twice',
            attemptNumber: 1,
            unseen: 1,
          },
        ],
      };
      await expect(unseen()).resolves.toEqual(expected);
      await expect(unseen(supervisor)).resolves.toEqual(expected);
      const received = (
        await simulationApi(t, tara).get(`/api/users/${taraId}/reply-reviews`).expect(200)
      ).body as ReviewBody[];
      expect(received.map((item) => [item.turnIndex, item.seen])).toEqual([[0, false]]);
      // The guard's ownership rule: another trainee, or staff of other teams, get a 404.
      await simulationApi(t, east.bearer)
        .get(`/api/users/${taraId}/reply-reviews/unseen-count`)
        .expect(404);
      await simulationApi(t, supervisor)
        .get(`/api/users/${east.id}/reply-reviews/unseen-count`)
        .expect(404);
    });

    it('should leave the review new when staff open the debrief or read the session’s reviews', async () => {
      const trainerPages = new BrowserSession(t.app.getHttpServer());
      await trainerPages.signIn('trainer@academy.local', DEMO_PASSWORD);
      const page = await trainerPages.get(`/simulations/sessions/${first}/debrief`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(UNREAD);
      expect(page.text).not.toContain(NEW_REVIEW);
      const read = await readOverApi(supervisor, first);
      expect(read.map((item) => item.seen)).toEqual([false]);
      await expect(unseen()).resolves.toMatchObject({ unseen: 1 });
      await expect(unseenRows()).resolves.toBe(1);
    });

    it('should mark the session’s reviews seen when the trainee opens the debrief page, showing which were new', async () => {
      const page = await taraPages.get(`/simulations/sessions/${first}/debrief`);
      expect(page.status).toBe(200);
      expect(page.text.match(new RegExp(NEW_REVIEW, 'g'))).toHaveLength(1);
      await expect(unseen()).resolves.toEqual({ unseen: 0, sessions: [] });
      await expect(unseenRows()).resolves.toBe(0);
      const again = await taraPages.get(`/simulations/sessions/${first}/debrief`);
      expect(again.text).not.toContain(NEW_REVIEW);
      const staff = new BrowserSession(t.app.getHttpServer());
      await staff.signIn('trainer@academy.local', DEMO_PASSWORD);
      expect((await staff.get(`/simulations/sessions/${first}/debrief`)).text).not.toContain(
        UNREAD,
      );
    });

    it('should make a review new again when the reviewer changes any part of it, and not when they save the same', async () => {
      const base = { verdict: 'pass', politeness: 4, empathy: null, note: 'Say your name first.' };
      await review(trainer, first, 0, base).expect(200);
      await readOverApi(tara, first);
      await expect(unseen()).resolves.toMatchObject({ unseen: 0 });
      const same = (await review(trainer, first, 0, { ...base, note: '  Say your name first. ' })
        .expect(200)
        .then((response) => response.body)) as ReviewBody;
      expect(same.seen).toBe(true);
      await expect(unseen()).resolves.toMatchObject({ unseen: 0 });
      for (const change of [
        { verdict: 'fail' },
        { politeness: 3 },
        { politeness: null },
        { empathy: 2 },
        { note: 'Say your name and the company’s.' },
        { note: null },
      ]) {
        const changed = (await review(trainer, first, 0, { ...base, ...change }).expect(200))
          .body as ReviewBody;
        expect([change, changed.seen]).toEqual([change, false]);
        await expect(unseen()).resolves.toMatchObject({ unseen: 1 });
        // Back to the base judgement (a change too), then read: nothing new.
        await review(trainer, first, 0, base).expect(200);
        await readOverApi(tara, first);
        await expect(unseen()).resolves.toMatchObject({ unseen: 0 });
      }
    });

    it('should mark the reviews seen when the trainee reads them over the API, answering what was new', async () => {
      t.clock.advance(1000);
      await review(supervisor, first, 1, { verdict: 'fail', note: 'Too short' }).expect(200);
      const read = await readOverApi(tara, first);
      expect(read.map((item) => [item.turnIndex, item.seen])).toEqual([
        [0, true],
        [1, false],
      ]);
      await expect(unseen()).resolves.toMatchObject({ unseen: 0 });
      const reread = await readOverApi(tara, first);
      expect(reread.map((item) => item.seen)).toEqual([true, true]);
    });

    it('should keep a review new when it changed after the trainee was shown it', async () => {
      t.clock.advance(1000);
      const shown = (await review(supervisor, first, 1, { verdict: 'pass' }).expect(200))
        .body as ReviewBody;
      t.clock.advance(1000);
      await review(supervisor, first, 1, { verdict: 'fail' }).expect(200);
      // The trainee's page had read the first version; only that one may be marked seen.
      await t.app
        .get(UnseenReviewsService)
        .markSeen(first, [{ id: shown.id, updatedAt: new Date(shown.updatedAt), seenAt: null }]);
      await expect(unseen()).resolves.toMatchObject({ unseen: 1 });
      await readOverApi(tara, first);
      await expect(unseen()).resolves.toMatchObject({ unseen: 0 });
    });

    it('should take a withdrawn review out of the count', async () => {
      await review(supervisor, first, 2, { verdict: 'pass' }).expect(200);
      await expect(unseen()).resolves.toMatchObject({ unseen: 1 });
      await t
        .http()
        .delete(`/api/simulations/sessions/${first}/turns/2/review`)
        .set('Authorization', supervisor)
        .expect(204);
      await expect(unseen()).resolves.toEqual({ unseen: 0, sessions: [] });
    });
  });

  describe('the notices', () => {
    const homeNotice = 'data-testid="home-notice-new-reviews"';
    const listNotice = 'data-testid="new-reviews"';
    const debrief = (session: string): string => `/simulations/sessions/${session}/debrief`;

    beforeAll(async () => {
      await review(trainer, first, 0, { verdict: 'pass' }).expect(200);
      t.clock.advance(1000);
      await review(trainer, second, 3, { verdict: 'fail', note: 'Check the account first' }).expect(
        200,
      );
      await review(supervisor, second, 4, { verdict: 'pass' }).expect(200);
    });

    it('should tell the trainee on the home page how many reviews are new and link to each debrief', async () => {
      await expect(unseen()).resolves.toMatchObject({
        unseen: 3,
        sessions: [
          { sessionId: second, attemptNumber: 2, unseen: 2 },
          { sessionId: first, attemptNumber: 1, unseen: 1 },
        ],
      });
      const home = await taraPages.get('/');
      expect(home.status).toBe(200);
      expect(home.text).toContain(homeNotice);
      expect(home.text).toContain('3 new reviews of your replies');
      expect(home.text).toContain(
        `<a href="${debrief(second)}">Direct debit taken twice, attempt 2: 2 new</a>`,
      );
      expect(home.text).toContain(
        `<a href="${debrief(first)}">Direct debit taken twice, attempt 1: 1 new</a>`,
      );
    });

    it('should keep the home notice to trainees, even for staff whose replies were reviewed', async () => {
      const own = await finishBillingDispute(t, trainer);
      await review(admin, own, 0, { verdict: 'pass' }).expect(200);
      const trainerId = (
        (await simulationApi(t, trainer).get('/api/me').expect(200)).body as { id: string }
      ).id;
      await expect(unseen(trainer, trainerId)).resolves.toMatchObject({ unseen: 1 });
      const staff = new BrowserSession(t.app.getHttpServer());
      await staff.signIn('trainer@academy.local', DEMO_PASSWORD);
      const home = await staff.get('/');
      expect(home.status).toBe(200);
      expect(home.text).not.toContain(homeNotice);
    });

    it('should say so at the top of the role-play page and mark the new feedback', async () => {
      const list = await taraPages.get('/simulations');
      expect(list.text).toContain(listNotice);
      expect(list.text.indexOf(listNotice)).toBeLessThan(
        list.text.indexOf('data-testid="feedback"'),
      );
      expect(list.text).toContain('3 new reviews of your replies');
      expect(list.text.match(/data-testid="unseen-review"/g)).toHaveLength(3);
    });

    it('should count down as the trainee opens the debriefs, then say nothing', async () => {
      await taraPages.get(debrief(second));
      const home = await taraPages.get('/');
      expect(home.text).toContain('1 new review of your replies');
      // One session left: the notice itself leads to its debrief.
      expect(home.text).toContain(`<a href="${debrief(first)}">1 new review of your replies</a>`);
      await taraPages.get(debrief(first));
      expect((await taraPages.get('/')).text).not.toContain(homeNotice);
      const list = await taraPages.get('/simulations');
      expect(list.text).toContain('data-testid="feedback"');
      expect(list.text).not.toContain(listNotice);
      expect(list.text).not.toContain('data-testid="unseen-review"');
    });
  });
});

import { ContentCatalogue } from '../../src/content/content-kind';
import { POSITIONS } from '../../src/rotations/position-content.kind';
import { PositionDefinition } from '../../src/rotations/position-definition';
import { BrowserSession } from '../support/browser-session';
import { COURSE_FIXTURE_ENV } from '../support/courses';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

describe('Course pages', () => {
  let t: TestApp;
  let trainee: BrowserSession;

  beforeAll(async () => {
    t = await createTestApp({ env: COURSE_FIXTURE_ENV });
    trainee = new BrowserSession(t.app.getHttpServer());
    await trainee.signIn('trainee@academy.local', DEMO_PASSWORD);
  });
  afterAll(async () => t.close());

  it('should put Courses in everyone’s menu and on the trainee’s home page', async () => {
    const home = await trainee.get('/');
    expect(home.text).toMatch(/<nav aria-label="Main">[\s\S]*href="\/courses"/);
    expect(home.text).toContain('Your courses');
  });

  it('should list the catalogue with prerequisite hints', async () => {
    const page = await trainee.get('/courses');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-course="phone-basics"');
    expect(page.text).toMatch(/data-course="calm-complaints"[\s\S]*First: Phone basics/);
    expect(page.text).not.toContain('Progress and assignments');
  });

  it('should name the positions a course is required for by their titles', async () => {
    const position = (id: string, title: string) => ({ id, title }) as PositionDefinition;
    t.app
      .get(ContentCatalogue)
      .set(POSITIONS, [
        position('front-line-agent', 'Front-line agent'),
        position('complaints-desk', 'Complaints desk'),
      ]);
    const page = await trainee.get('/courses');
    expect(page.text).toMatch(
      /data-course="calm-complaints"[\s\S]*?Required for: Front-line agent, Complaints desk</,
    );
    expect(page.text).not.toContain('Required for: front-line-agent');
  });

  it('should refuse enrolment before the prerequisites with a clear message on the page', async () => {
    const course = await trainee.get('/courses/calm-complaints');
    expect(course.text).toContain(
      'Complete <a href="/courses/phone-basics">Phone basics</a> first',
    );
    expect(course.text).not.toContain('action="/courses/calm-complaints/enrol"');
    const response = await trainee.postForm('/courses/calm-complaints/enrol', {});
    expect(response.status).toBe(409);
    expect(response.text).toContain(
      'Complete “Phone basics” before you enrol in “Calm complaints”',
    );
  });

  it('should enrol through the form and show the lessons to start', async () => {
    await trainee.get('/courses/phone-basics');
    const response = await trainee.postForm('/courses/phone-basics/enrol', {});
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/courses/phone-basics?enrolled=1');
    const page = await trainee.get('/courses/phone-basics?enrolled=1');
    expect(page.text).toContain('You are enrolled');
    expect(page.text).toContain(
      'href="/courses/phone-basics/lessons/greeting">Start the course</a>',
    );
  });

  it('should render the lesson sanitized, with the check form and no answers in the page', async () => {
    const page = await trainee.get('/courses/phone-basics/lessons/greeting');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>window.pwned');
    expect(page.text).not.toMatch(/<img|<[^>]*\son\w+=|href="javascript:/);
    expect(page.text).toContain('&lt;script&gt;window.pwned = true&lt;/script&gt;');
    expect(page.text).toContain('name="q1" value="1"');
    expect(page.text).not.toContain('Right, it names you and offers help');
    expect(page.text).toContain('rel="next" href="/courses/phone-basics/lessons/listening"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // Reading the page opened the lesson.
    const catalogue = await trainee.get('/courses');
    expect(catalogue.text).toContain('In progress · 0 %');
  });

  it('should tie a rejected check without JavaScript to the questions it concerns', async () => {
    const empty = await trainee.postForm('/courses/phone-basics/lessons/greeting/check', {});
    expect(empty.status).toBe(400);
    expect(empty.text).toMatch(
      /<p class="field-error" id="check-error"[^>]*>Pick an answer first\.<\/p>/,
    );
    expect(empty.text).toMatch(/data-question="q1" aria-describedby="check-error"/);
    expect(empty.text).toMatch(/data-question="q2" aria-describedby="check-error"/);
    expect(empty.text).toMatch(/name="q1" value="1" aria-invalid="true"/);
    // One question with two answers where one is allowed: only that question is marked.
    const twice = await trainee.postForm('/courses/phone-basics/lessons/greeting/check', {
      q1: ['0', '1'],
    });
    expect(twice.status).toBe(400);
    expect(twice.text).toMatch(/<p class="field-error" id="check-q1-error"[^>]*>[^<]+<\/p>/);
    expect(twice.text).toMatch(/data-question="q1" aria-describedby="check-q1-error"/);
    expect(twice.text).toMatch(/data-question="q2">/);
    expect(twice.text).not.toMatch(/name="q2" value="\d+" aria-invalid/);
    expect(twice.text).not.toContain('id="check-error"');
  });

  it('should answer the check without JavaScript and complete the lesson through forms', async () => {
    const wrong = await trainee.postForm('/courses/phone-basics/lessons/greeting/check', {
      q1: '0',
      q2: '0',
    });
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain('Not quite.');
    expect(wrong.text).toContain('Short is not the same as clear.');
    expect(wrong.text).toMatch(/data-complete disabled/);
    const early = await trainee.postForm('/courses/phone-basics/lessons/greeting/complete', {});
    expect(early.status).toBe(409);
    expect(early.text).toContain('Answer every knowledge-check question correctly first');
    // The question still wrong is marked and described; the right one is not.
    expect(early.text).toMatch(/data-question="q1" aria-describedby="check-q1-error"/);
    expect(early.text).toMatch(/id="check-q1-error"[^>]*>Not answered correctly yet</);
    expect(early.text).not.toContain('check-q2-error');
    const right = await trainee.postForm('/courses/phone-basics/lessons/greeting/check', {
      q1: '1',
    });
    expect(right.text).toContain('Right, it names you and offers help.');
    expect(right.text).not.toMatch(/data-complete disabled/);
    const done = await trainee.postForm('/courses/phone-basics/lessons/greeting/complete', {});
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/courses/phone-basics/lessons/listening');
    const course = await trainee.get('/courses/phone-basics');
    expect(course.text).toMatch(/<li class="done">\s*<span class="tick" aria-hidden="true">✓/);
    expect(course.text).toContain('1 of 3 lessons done');
  });

  it('should show trainers the progress table and let them assign a team', async () => {
    const trainer = new BrowserSession(t.app.getHttpServer());
    await trainer.signIn('trainer@academy.local', DEMO_PASSWORD);
    const table = await trainer.get('/courses/phone-basics/progress?team=North');
    expect(table.status).toBe(200);
    // The date picker offers no day the assignment would refuse.
    expect(table.text).toContain('name="dueDate" value="" min="2026-11-23" required');
    expect(table.text).toMatch(
      /data-user="trainee@academy.local"[\s\S]*In progress · 33 %[\s\S]*class="cell completed"/,
    );
    const bad = await trainer.postForm('/courses/data-privacy/assignments', {
      team: 'North',
      dueDate: '2026-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Must be today (2026-11-23) or later');
    const assigned = await trainer.postForm('/courses/data-privacy/assignments', {
      team: 'North',
      dueDate: '2026-11-30',
    });
    expect(assigned.status).toBe(303);
    expect(assigned.headers.location).toBe('/courses/data-privacy/progress?assigned=1&team=North');
    const after = await trainer.get(assigned.headers.location as string);
    expect(after.text).toContain('Assigned to 1 person.');
    const mine = await trainee.get('/courses');
    expect(mine.text).toMatch(/data-testid="my-courses"[\s\S]*Data privacy[\s\S]*due 2026-11-30/);
  });

  it('should keep trainees off the progress pages', async () => {
    const page = await trainee.get('/courses/phone-basics/progress');
    expect(page.status).toBe(403);
  });
});

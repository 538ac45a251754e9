import { DataSource } from 'typeorm';
import { CertificateExpiryJob } from '../../../src/certifications/certificate-expiry.job';
import { LearningRecordsService } from '../../../src/learning-records/learning-records.service';
import { ACTIVITY_TYPES, activityIri, VERBS } from '../../../src/learning-records/xapi';
import { createTestApp, TestApp } from '../../support/test-app';
import {
  certificationContent,
  DAY_MS,
  QUIZ_CERTIFICATE,
  recordActivity,
  userId,
} from './certification-fixture';

interface Certificate {
  id: string;
  cycle: number;
  status: string;
  issuedAt: string;
  expiresAt: string;
  renewalOpensAt: string;
  supersededBy: string | null;
  evidence: { basis: string };
  links: { verificationJson: string };
}
interface Notice {
  id: string;
  kind: string;
  read: boolean;
}

// One certificate through its life with a fixed clock: issued, reminded at 60/30/7 days, in
// its renewal window, renewed (the old cycle kept and superseded), then expired.
describe('Certificate expiry and recertification', () => {
  let t: TestApp;
  let trainee: string;
  let traineeId: string;
  let job: CertificateExpiryJob;

  beforeAll(async () => {
    t = await createTestApp({
      env: { CONTENT_DIR: certificationContent({ 'quiz-certificate': QUIZ_CERTIFICATE }) },
    });
    trainee = await t.bearer('trainee@academy.local');
    traineeId = await userId(t, 'trainee@academy.local');
    job = t.app.get(CertificateExpiryJob);
  });
  afterAll(async () => t?.close());

  const certificates = async (): Promise<Certificate[]> =>
    (await t.http().get('/api/me/certificates').set('Authorization', trainee).expect(200)).body
      .certificates as Certificate[];
  const notices = async (): Promise<Notice[]> =>
    (await t.http().get('/api/me/notices').set('Authorization', trainee).expect(200))
      .body as Notice[];
  const storedStatus = async (id: string): Promise<string> =>
    (await t.app.get(DataSource).query(`SELECT status FROM certificates WHERE id = '${id}'`))[0]
      .status as string;

  it('should issue cycle 1 valid for 12 months, renewal opening 30 days before', async () => {
    await recordActivity(t, { userId: traineeId, kind: 'exam', id: 'short-quiz' });
    const [first] = await certificates();
    expect(first).toMatchObject({
      cycle: 1,
      status: 'active',
      issuedAt: '2026-11-23T09:00:00.000Z',
      expiresAt: '2027-11-23T09:00:00.000Z',
      renewalOpensAt: '2027-10-24T09:00:00.000Z',
    });
    await expect(job.run()).resolves.toEqual({ statusChanges: 0, notices: 0 });
  });

  it('should queue the 60-day reminder once, however often the job runs', async () => {
    t.clock.set(new Date('2027-09-24T10:00:00.000Z'));
    await expect(job.run()).resolves.toEqual({ statusChanges: 0, notices: 1 });
    await expect(job.run()).resolves.toEqual({ statusChanges: 0, notices: 0 });
    expect((await notices()).map((notice) => notice.kind)).toEqual(['reminder-60', 'issued']);
  });

  it('should mark the certificate expiring in its window and queue the 30-day reminder', async () => {
    t.clock.set(new Date('2027-10-25T09:00:00.000Z'));
    const [first] = await certificates();
    expect(first.status).toBe('expiring');
    await expect(job.run()).resolves.toEqual({ statusChanges: 1, notices: 1 });
    expect(await storedStatus(first.id)).toBe('expiring');
    const verification = await t.http().get(new URL(first.links.verificationJson).pathname);
    expect(verification.body.status).toBe('expiring');
    // The pass from before the window does not renew it.
    expect(await certificates()).toHaveLength(1);
  });

  it('should renew with a pass inside the window: a new cycle, the old one kept and superseded', async () => {
    t.clock.set(new Date('2027-11-01T09:00:00.000Z'));
    await recordActivity(t, { userId: traineeId, kind: 'exam', id: 'short-quiz' });
    const [second, first] = await certificates();
    expect(second).toMatchObject({
      cycle: 2,
      status: 'active',
      issuedAt: '2027-11-01T09:00:00.000Z',
      // Renewing early loses nothing: the new period runs on from the old expiry.
      expiresAt: '2028-11-23T09:00:00.000Z',
      evidence: { basis: 'renewal' },
    });
    expect(first).toMatchObject({ cycle: 1, status: 'superseded', supersededBy: second.id });
    expect(await storedStatus(first.id)).toBe('superseded');
    // A superseded cycle gets no more reminders.
    t.clock.set(new Date('2027-11-20T09:00:00.000Z'));
    await expect(job.run()).resolves.toEqual({ statusChanges: 0, notices: 0 });
  });

  it('should send the 7-day reminder, then mark the cycle expired with a notice', async () => {
    t.clock.set(new Date('2028-11-17T09:00:00.000Z'));
    await job.run();
    expect((await notices()).map((notice) => notice.kind)).toContain('reminder-7');
    t.clock.set(new Date('2028-11-23T09:00:01.000Z'));
    await expect(job.run()).resolves.toEqual({ statusChanges: 1, notices: 1 });
    const [second, first] = await certificates();
    expect([second.status, first.status]).toEqual(['expired', 'superseded']);
    const kinds = (await notices()).map((notice) => notice.kind);
    expect(kinds[0]).toBe('expired');
    expect(kinds.filter((kind) => kind === 'reminder-7')).toHaveLength(1);
    const overview = await t.http().get('/api/me/certificates').set('Authorization', trainee);
    expect(overview.body.progress[0]).toMatchObject({ phase: 're-earn', met: false });
  });

  it('should earn it again after expiry with new evidence (cycle 3, re-earned)', async () => {
    t.clock.advance(3 * DAY_MS);
    await recordActivity(t, { userId: traineeId, kind: 'exam', id: 'short-quiz' });
    const [third] = await certificates();
    expect(third).toMatchObject({
      cycle: 3,
      status: 'active',
      evidence: { basis: 're-earned' },
      expiresAt: '2029-11-26T09:00:01.000Z',
    });
    expect(await certificates()).toHaveLength(3);
  });

  it('should mark notices read one by one and all at once', async () => {
    const [first] = await notices();
    await t
      .http()
      .post(`/api/me/notices/${first.id}/read`)
      .set('Authorization', trainee)
      .expect(200)
      .expect((r) => expect(r.body.read).toBe(true));
    const unread = await t.http().get('/api/me/notices?unread=true').set('Authorization', trainee);
    expect(unread.body.length).toBe((await notices()).length - 1);
    await t.http().post('/api/me/notices/read-all').set('Authorization', trainee).expect(200);
    expect((await notices()).every((notice) => notice.read)).toBe(true);
    // Someone else's notice (or none) is a 404.
    const hr = await t.bearer('hr@academy.local');
    await t.http().post(`/api/me/notices/${first.id}/read`).set('Authorization', hr).expect(404);
  });

  it('should refuse a second row for the same cycle (the unique index behind idempotent issuing)', async () => {
    const db = t.app.get(DataSource);
    const [row] = await db.query(`SELECT * FROM certificates WHERE cycle = 1`);
    await expect(
      db.query(
        `INSERT INTO certificates (id, user_id, programme_id, programme_version, programme_title, cycle, issued_at, expires_at, renewal_opens_at, evidence, status, status_changed_at, verification_token, created_at) SELECT '00000000-0000-4000-8000-000000000001', user_id, programme_id, programme_version, programme_title, cycle, issued_at, expires_at, renewal_opens_at, evidence, status, status_changed_at, 'another-token', created_at FROM certificates WHERE id = '${row.id}'`,
      ),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  it('should issue from a record written inside a transaction once it commits, not before', async () => {
    const db = t.app.get(DataSource);
    const hrId = await userId(t, 'hr@academy.local');
    const count = async (): Promise<number> =>
      Number(
        (await db.query(`SELECT COUNT(*) AS n FROM certificates WHERE user_id = '${hrId}'`))[0].n,
      );
    await db.transaction(async (manager) => {
      await t.app.get(LearningRecordsService).record(
        {
          userId: hrId,
          verb: VERBS.passed,
          object: {
            id: activityIri('exam', 'short-quiz'),
            type: ACTIVITY_TYPES.assessment,
            name: 'Short quiz',
          },
          result: { score: { scaled: 1 }, success: true },
          context: { registration: crypto.randomUUID() },
        },
        manager,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const inside = await manager.query(
        `SELECT COUNT(*) AS n FROM certificates WHERE user_id = '${hrId}'`,
      );
      expect(Number(inside[0].n)).toBe(0);
    });
    for (let wait = 0; wait < 40 && (await count()) === 0; wait++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await count()).toBe(1);
  });
});

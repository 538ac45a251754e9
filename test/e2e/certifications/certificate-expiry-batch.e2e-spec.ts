import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Certificate } from '../../../src/certifications/certificate.entity';
import { CertificateExpiryJob } from '../../../src/certifications/certificate-expiry.job';
import { createTestApp, TestApp } from '../../support/test-app';
import {
  certificationContent,
  DAY_MS,
  QUIZ_CERTIFICATE,
  recordActivity,
  userId,
} from './certification-fixture';

// The daily job over a ledger larger than one batch (500 per query): a third of the certificates expired,
// a third in their renewal window, a third far from expiry. One pass changes and notifies
// exactly the first two thirds; a second pass changes nothing.
describe('Certificate expiry job over many certificates', () => {
  const PER_GROUP = 600;
  let t: TestApp;
  let job: CertificateExpiryJob;
  let data: DataSource;

  beforeAll(async () => {
    t = await createTestApp({
      env: { CONTENT_DIR: certificationContent({ 'quiz-certificate': QUIZ_CERTIFICATE }) },
    });
    job = t.app.get(CertificateExpiryJob);
    data = t.app.get(DataSource);
    const traineeId = await userId(t, 'trainee@academy.local');
    await recordActivity(t, { userId: traineeId, kind: 'exam', id: 'short-quiz' });
    const trainee = await t.bearer('trainee@academy.local');
    await t.http().get('/api/me/certificates').set('Authorization', trainee).expect(200);
    const [earned] = await data.getRepository(Certificate).find();
    if (!earned) throw new Error('the fixture certificate was not issued');
    const now = t.clock.now().getTime();
    const copies: Certificate[] = [];
    const groups = [
      { expires: now - DAY_MS, opens: now - 31 * DAY_MS }, // expired yesterday
      { expires: now + 20 * DAY_MS, opens: now - 10 * DAY_MS }, // renewal window, 30-day reminder
      { expires: now + 300 * DAY_MS, opens: now + 270 * DAY_MS }, // nothing due
    ];
    groups.forEach((group, g) => {
      for (let i = 0; i < PER_GROUP; i += 1)
        copies.push({
          ...earned,
          id: randomUUID(),
          programmeId: `batch-${g}-${i}`,
          verificationToken: randomUUID().replace(/-/g, ''),
          expiresAt: new Date(group.expires),
          renewalOpensAt: new Date(group.opens),
          status: 'active',
        });
    });
    await data.getRepository(Certificate).save(copies, { chunk: 200 });
  });
  afterAll(async () => t?.close());

  const count = async (sql: string): Promise<number> => Number((await data.query(sql))[0].n);

  it('should change and notify exactly the certificates that are due, in one pass', async () => {
    await expect(job.run()).resolves.toEqual({
      statusChanges: 2 * PER_GROUP,
      notices: 2 * PER_GROUP,
    });
    const batch = "programme_id LIKE 'batch-%'";
    await expect(
      count(`SELECT COUNT(*) AS n FROM certificates WHERE ${batch} AND status = 'expired'`),
    ).resolves.toBe(PER_GROUP);
    await expect(
      count(`SELECT COUNT(*) AS n FROM certificates WHERE ${batch} AND status = 'expiring'`),
    ).resolves.toBe(PER_GROUP);
    await expect(
      count(`SELECT COUNT(*) AS n FROM certificates WHERE ${batch} AND status = 'active'`),
    ).resolves.toBe(PER_GROUP);
    await expect(
      count(`SELECT COUNT(*) AS n FROM certificate_notices WHERE kind = 'expired'`),
    ).resolves.toBe(PER_GROUP);
    await expect(
      count(`SELECT COUNT(*) AS n FROM certificate_notices WHERE kind = 'reminder-30'`),
    ).resolves.toBe(PER_GROUP);
  });

  it('should change and queue nothing on the next pass', async () => {
    await expect(job.run()).resolves.toEqual({ statusChanges: 0, notices: 0 });
  });
});

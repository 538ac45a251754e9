import { createTestApp, TestApp } from '../../support/test-app';
import {
  certificationContent,
  QUIZ_CERTIFICATE,
  recordActivity,
  SENIOR,
  userId,
} from './certification-fixture';

interface Certificate {
  id: string;
  cycle: number;
  status: string;
  revocation: { reason: string; by: string } | null;
  links: { verificationJson: string; badge: string; pdf: string };
}

describe('Revocation, sign-off and access to certificates', () => {
  let t: TestApp;
  let auth: Record<'trainee' | 'trainer' | 'supervisor' | 'hr' | 'admin', string>;
  let traineeId: string;
  let hrId: string;
  let certificate: Certificate;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        CONTENT_DIR: certificationContent({
          'quiz-certificate': QUIZ_CERTIFICATE,
          'fixture-senior': SENIOR,
        }),
      },
    });
    const roles = ['trainee', 'trainer', 'supervisor', 'hr', 'admin'] as const;
    const tokens = await Promise.all(roles.map((role) => t.bearer(`${role}@academy.local`)));
    auth = Object.fromEntries(roles.map((role, i) => [role, tokens[i]])) as typeof auth;
    traineeId = await userId(t, 'trainee@academy.local');
    hrId = await userId(t, 'hr@academy.local');
    await recordActivity(t, { userId: traineeId, kind: 'exam', id: 'short-quiz' });
    await recordActivity(t, { userId: hrId, kind: 'exam', id: 'short-quiz' });
    const mine = await t.http().get('/api/me/certificates').set('Authorization', auth.trainee);
    certificate = mine.body.certificates[0];
  });
  afterAll(async () => t?.close());

  describe('access', () => {
    it('should refuse requests without a token (401) and the wrong role (403)', async () => {
      await t.http().get('/api/me/certificates').expect(401);
      await t.http().get('/api/certificates').expect(401);
      await t.http().get(certificate.links.pdf).expect(401);
      await t.http().get('/api/certificates').set('Authorization', auth.trainee).expect(403);
      await t
        .http()
        .post(`/api/certificates/${certificate.id}/revoke`)
        .set('Authorization', auth.trainer)
        .send({ reason: 'Not allowed to do this' })
        .expect(403);
      await t.http().get('/api/sign-offs').set('Authorization', auth.hr).expect(403);
    });

    it('should hide another person’s certificates from a trainee (404, as for nobody)', async () => {
      const hrCertificate = (
        await t.http().get('/api/me/certificates').set('Authorization', auth.hr).expect(200)
      ).body.certificates[0] as Certificate;
      await t
        .http()
        .get(`/api/users/${hrId}/certificates`)
        .set('Authorization', auth.trainee)
        .expect(404);
      await t
        .http()
        .get(`/api/certificates/${hrCertificate.id}`)
        .set('Authorization', auth.trainee)
        .expect(404)
        .expect((r) => expect(r.body.code).toBe('CERTIFICATE_NOT_FOUND'));
      await t.http().get(hrCertificate.links.pdf).set('Authorization', auth.trainee).expect(404);
      await t
        .http()
        .get(`/api/users/${traineeId}/certificates`)
        .set('Authorization', auth.trainee)
        .expect(200);
    });

    it('should show hr everyone and trainers and supervisors only their teams', async () => {
      const all = await t.http().get('/api/certificates').set('Authorization', auth.hr).expect(200);
      expect(all.body.total).toBe(2);
      for (const staff of [auth.trainer, auth.supervisor]) {
        const teams = await t
          .http()
          .get('/api/certificates')
          .set('Authorization', staff)
          .expect(200);
        expect(teams.body.items.map((c: { userId: string }) => c.userId)).toEqual([traineeId]);
      }
      const filtered = await t
        .http()
        .get('/api/certificates?programme=quiz-certificate&status=active&team=North')
        .set('Authorization', auth.hr)
        .expect(200);
      expect(filtered.body.total).toBe(1);
      await t
        .http()
        .get('/api/certificates?status=bogus&limit=0')
        .set('Authorization', auth.hr)
        .expect(400)
        .expect((r) =>
          expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
            'limit',
            'status',
          ]),
        );
      await t
        .http()
        .get(`/api/users/${hrId}/certificates`)
        .set('Authorization', auth.supervisor)
        .expect(404);
    });
  });

  describe('revocation', () => {
    it('should require a reason (400 with the field path)', async () => {
      const response = await t
        .http()
        .post(`/api/certificates/${certificate.id}/revoke`)
        .set('Authorization', auth.hr)
        .send({ reason: ' ' })
        .expect(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ path: 'reason' })],
      });
    });

    it('should revoke with the reason, audit it, and fail verification at once', async () => {
      t.clock.advance(60_000);
      const response = await t
        .http()
        .post(`/api/certificates/${certificate.id}/revoke`)
        .set('Authorization', auth.hr)
        .send({ reason: 'Exam taken by someone else' })
        .expect(200);
      expect(response.body).toMatchObject({
        status: 'revoked',
        revocation: { reason: 'Exam taken by someone else', by: hrId },
      });
      const verification = await t
        .http()
        .get(new URL(certificate.links.verificationJson).pathname)
        .expect(200);
      expect(verification.body.status).toBe('revoked');
      expect(verification.body).not.toHaveProperty('revocation');
      const badge = await t.http().get(new URL(certificate.links.badge).pathname).expect(410);
      expect(badge.body).toMatchObject({ revoked: true, id: certificate.links.badge });
      const audit = await t
        .http()
        .get(`/api/audit?action=certificate.revoked&targetId=${certificate.id}`)
        .set('Authorization', auth.admin)
        .expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          actorId: hrId,
          summary: expect.objectContaining({ reason: 'Exam taken by someone else' }),
        }),
      ]);
      await t
        .http()
        .post(`/api/certificates/${certificate.id}/revoke`)
        .set('Authorization', auth.admin)
        .send({ reason: 'Once more, to be sure' })
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('ALREADY_REVOKED'));
      const notices = await t.http().get('/api/me/notices').set('Authorization', auth.trainee);
      expect(notices.body[0]).toMatchObject({ kind: 'revoked' });
    });

    it('should not count evidence from before the revocation towards a new cycle', async () => {
      let mine = await t.http().get('/api/me/certificates').set('Authorization', auth.trainee);
      expect(mine.body.certificates).toHaveLength(1);
      expect(
        mine.body.progress.find(
          (p: { programmeId: string }) => p.programmeId === 'quiz-certificate',
        ),
      ).toMatchObject({ phase: 're-earn', met: false });
      t.clock.advance(60_000);
      await recordActivity(t, { userId: traineeId, kind: 'exam', id: 'short-quiz' });
      mine = await t.http().get('/api/me/certificates').set('Authorization', auth.trainee);
      expect(mine.body.certificates.map((c: Certificate) => [c.cycle, c.status])).toEqual([
        [2, 'active'],
        [1, 'revoked'],
      ]);
    });
  });

  describe('supervisor sign-off', () => {
    it('should list the team members whose programme needs a sign-off', async () => {
      await recordActivity(t, { userId: traineeId, kind: 'course', id: 'phone-basics' });
      const tasks = await t
        .http()
        .get('/api/sign-offs')
        .set('Authorization', auth.supervisor)
        .expect(200);
      expect(tasks.body).toEqual([
        expect.objectContaining({
          userId: traineeId,
          programmeId: 'fixture-senior',
          othersMet: true,
          signed: false,
        }),
      ]);
    });

    it('should refuse unknown checklist items and people outside the teams', async () => {
      const bad = await t
        .http()
        .post(`/api/users/${traineeId}/sign-offs`)
        .set('Authorization', auth.supervisor)
        .send({ programmeId: 'fixture-senior', ticked: ['owns-cases', 'made-up'] })
        .expect(400);
      expect(bad.body).toMatchObject({
        code: 'INVALID_SIGN_OFF',
        errors: [{ path: 'ticked.1', messages: [expect.stringContaining('made-up')] }],
      });
      await t
        .http()
        .post(`/api/users/${hrId}/sign-offs`)
        .set('Authorization', auth.supervisor)
        .send({ programmeId: 'fixture-senior', ticked: ['owns-cases'] })
        .expect(404);
      await t
        .http()
        .post(`/api/users/${traineeId}/sign-offs`)
        .set('Authorization', auth.trainee)
        .send({ programmeId: 'fixture-senior', ticked: ['owns-cases'] })
        .expect(403);
    });

    it('should keep a partial checklist without issuing, and issue when fully signed', async () => {
      const partial = await t
        .http()
        .post(`/api/users/${traineeId}/sign-offs`)
        .set('Authorization', auth.supervisor)
        .send({ programmeId: 'fixture-senior', ticked: ['owns-cases'] })
        .expect(201);
      expect(partial.body).toMatchObject({ complete: false, certificateId: null });
      const full = await t
        .http()
        .post(`/api/users/${traineeId}/sign-offs`)
        .set('Authorization', auth.supervisor)
        .send({
          programmeId: 'fixture-senior',
          ticked: ['owns-cases', 'calms-first'],
          comment: 'Listened to five calls',
        })
        .expect(201);
      expect(full.body).toMatchObject({ complete: true, certificateId: expect.any(String) });
      const issued = await t
        .http()
        .get(`/api/certificates/${full.body.certificateId}`)
        .set('Authorization', auth.trainee)
        .expect(200);
      expect(issued.body).toMatchObject({ programmeId: 'fixture-senior', status: 'active' });
      const signOff = issued.body.evidence.requirements.find(
        (r: { key: string }) => r.key === 'sign-off',
      );
      expect(signOff.items[0]).toMatchObject({ name: 'Signed by Sam Supervisor' });
      const audit = await t
        .http()
        .get('/api/audit?action=certificate.signed-off')
        .set('Authorization', auth.hr)
        .expect(200);
      expect(audit.body.total).toBe(2);
      // Once held, nothing is left to sign.
      await t
        .http()
        .post(`/api/users/${traineeId}/sign-offs`)
        .set('Authorization', auth.supervisor)
        .send({ programmeId: 'fixture-senior', ticked: ['owns-cases'] })
        .expect(409);
    });
  });
});

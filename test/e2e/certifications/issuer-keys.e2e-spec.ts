import { checkProof, JsonObject } from '../../../src/certifications/credential-proof';
import { BrowserSession } from '../../support/browser-session';
import { createTestApp, DEMO_PASSWORD, TestApp } from '../../support/test-app';
import {
  certificationContent,
  publishedKey,
  QUIZ_CERTIFICATE,
  recordActivity,
  userId,
} from './certification-fixture';

// An admin rotates the Open Badges signing key (the old key stops signing and keeps verifying) and
// revokes a key that may have leaked (what it signed fails the signature check). Every instance
// on the database follows a rotation at once.
const PUBLIC_URL = 'https://academy.example.org';
const PROFILE = `${PUBLIC_URL}/badges/profile`;

interface KeyRow {
  id: string;
  verificationMethod: string;
  state: string;
  signing: boolean;
  unsealable: boolean;
  retiredAt: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
}

describe('Issuer signing keys: rotation and revocation', () => {
  let t: TestApp;
  let admin: string;
  let credentialPath: string;
  let first: JsonObject;
  const env = {
    CONTENT_DIR: certificationContent({ 'quiz-certificate': QUIZ_CERTIFICATE }),
    PUBLIC_URL,
  };

  const signedWith = (credential: JsonObject): string =>
    (credential.proof as JsonObject[])[0].verificationMethod as string;
  const keyIdOf = (credential: JsonObject): string => signedWith(credential).split('#')[1];
  const download = async (app: TestApp = t): Promise<JsonObject> =>
    (await app.http().get(credentialPath).expect(200)).body as JsonObject;
  const keys = async (): Promise<KeyRow[]> =>
    (await t.http().get('/api/issuer-keys').set('Authorization', admin).expect(200)).body;
  const published = async (): Promise<string[]> =>
    (await t.http().get('/badges/profile').expect(200)).body.verificationMethod.map(
      (method: { id: string }) => method.id,
    );
  const signatureCheck = async (credential: JsonObject) => {
    const body = (
      await t
        .http()
        .post('/api/badges/verify')
        .send({ verifiableCredential: credential })
        .expect(200)
    ).body as { verified: boolean; checks: { check: string; outcome: string; message: string }[] };
    return { verified: body.verified, ...body.checks.find((c) => c.check === 'signature')! };
  };
  const auditOf = async (action: string, targetId: string) =>
    (
      await t
        .http()
        .get(`/api/audit?action=${action}&targetId=${targetId}`)
        .set('Authorization', admin)
        .expect(200)
    ).body.items as { targetId: string; summary: Record<string, unknown>; actorEmail: string }[];

  beforeAll(async () => {
    t = await createTestApp({ env });
    admin = await t.bearer('admin@academy.local');
    await recordActivity(t, {
      userId: await userId(t, 'trainee@academy.local'),
      kind: 'exam',
      id: 'short-quiz',
    });
    const trainee = await t.bearer('trainee@academy.local');
    const mine = await t.http().get('/api/me/certificates').set('Authorization', trainee);
    credentialPath = (mine.body.certificates[0].links.credential as string).slice(
      PUBLIC_URL.length,
    );
    first = await download();
  });
  afterAll(async () => t?.close());

  it('should list the one key that signs, and only to admins', async () => {
    const list = await keys();
    expect(list).toEqual([
      expect.objectContaining({
        id: keyIdOf(first),
        verificationMethod: `${PROFILE}#${keyIdOf(first)}`,
        state: 'active',
        signing: true,
        unsealable: true,
        retiredAt: null,
        revokedAt: null,
      }),
    ]);
    for (const email of ['hr@academy.local', 'trainer@academy.local'])
      await t
        .http()
        .get('/api/issuer-keys')
        .set('Authorization', await t.bearer(email))
        .expect(403);
    await t
      .http()
      .post('/api/issuer-keys/rotate')
      .set('Authorization', await t.bearer('hr@academy.local'))
      .expect(403);
  });

  it('should rotate: a new key signs on every instance, the old one keeps verifying, audited', async () => {
    // A second instance signs (and caches) the old key before the rotation.
    const second = await createTestApp({ shareWith: t, env });
    try {
      expect(signedWith(await download(second))).toBe(signedWith(first));

      const rotated = (
        await t.http().post('/api/issuer-keys/rotate').set('Authorization', admin).expect(200)
      ).body as KeyRow[];
      expect(rotated).toHaveLength(2);
      const [fresh, old] = rotated;
      expect(fresh).toMatchObject({ state: 'active', signing: true, retiredAt: null });
      expect(old).toMatchObject({ id: keyIdOf(first), state: 'retired', signing: false });
      expect(old.retiredAt).not.toBeNull();

      // Both instances sign with the new key from now on.
      for (const app of [t, second]) expect(keyIdOf(await download(app))).toBe(fresh.id);
      const list = (await second.http().get('/badges/status/1').expect(200)).body as JsonObject;
      expect(signedWith(list)).toBe(fresh.verificationMethod);
    } finally {
      await second.close();
    }

    // The profile publishes both; what either signed verifies.
    expect(await published()).toEqual(
      expect.arrayContaining([signedWith(first), `${PROFILE}#${(await keys())[0].id}`]),
    );
    expect(await published()).toHaveLength(2);
    const renewed = await download();
    for (const credential of [first, renewed])
      expect(await signatureCheck(credential)).toMatchObject({
        verified: true,
        outcome: 'passed',
      });

    const [entry] = await auditOf('issuer-key.rotated', keyIdOf(renewed));
    expect(entry).toMatchObject({
      actorEmail: 'admin@academy.local',
      summary: { retired: [keyIdOf(first)] },
    });
  });

  it('should revoke a retired key: what it signed fails the signature check, the rest stands', async () => {
    const response = await t
      .http()
      .post(`/api/issuer-keys/${keyIdOf(first)}/revoke`)
      .set('Authorization', admin)
      .send({ reason: '  Laptop with the old secret was lost  ' })
      .expect(200);
    const revoked = (response.body as KeyRow[]).find((key) => key.id === keyIdOf(first))!;
    expect(revoked).toMatchObject({
      state: 'revoked',
      revocationReason: 'Laptop with the old secret was lost',
    });
    expect(revoked.revokedAt).not.toBeNull();

    expect(await published()).toEqual([`${PROFILE}#${(await keys())[0].id}`]);
    const old = await signatureCheck(first);
    expect(old).toMatchObject({ verified: false, outcome: 'failed' });
    expect(old.message).toMatch(
      /withdrawn by the issuer on \d{4}-\d{2}-\d{2}.*freshly signed copy/,
    );
    // An outside verifier using the profile cannot find the key either.
    const profile = (await t.http().get('/badges/profile').expect(200)).body;
    const lookUp = publishedKey(profile);
    await expect(checkProof(first, lookUp)).rejects.toThrow(/not one of this issuer's keys/);
    await expect(checkProof(await download(), lookUp)).resolves.toBeDefined();

    // The holder's fresh download verifies.
    expect(await signatureCheck(await download())).toMatchObject({ verified: true });
    const [entry] = await auditOf('issuer-key.revoked', keyIdOf(first));
    expect(entry).toMatchObject({
      summary: {
        reason: 'Laptop with the old secret was lost',
        wasSigning: false,
        replacement: null,
      },
    });
  });

  it('should replace the signing key at once when it is the one revoked', async () => {
    const signing = (await keys()).find((key) => key.signing)!;
    const before = await download();
    const after = (
      await t
        .http()
        .post(`/api/issuer-keys/${signing.id}/revoke`)
        .set('Authorization', admin)
        .send({ reason: 'Suspected leak' })
        .expect(200)
    ).body as KeyRow[];
    expect(after).toHaveLength(3);
    const replacement = after.find((key) => key.signing)!;
    expect(replacement).toMatchObject({ state: 'active', unsealable: true });
    expect(replacement.id).not.toBe(signing.id);
    expect(after.filter((key) => key.state === 'revoked')).toHaveLength(2);

    expect((await signatureCheck(before)).verified).toBe(false);
    const now = await download();
    expect(keyIdOf(now)).toBe(replacement.id);
    expect((await signatureCheck(now)).verified).toBe(true);
    const [entry] = await auditOf('issuer-key.revoked', signing.id);
    expect(entry.summary).toMatchObject({ wasSigning: true, replacement: replacement.id });
  });

  it('should answer bad requests with the field path, 404 and 409, changing nothing', async () => {
    const list = await keys();
    const revoke = (keyId: string, body: object) =>
      t.http().post(`/api/issuer-keys/${keyId}/revoke`).set('Authorization', admin).send(body);
    const active = list.find((key) => key.signing)!;

    const short = await revoke(active.id, { reason: 'no' }).expect(400);
    expect(short.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(short.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    const missing = await revoke(active.id, {}).expect(400);
    expect(missing.body.errors[0].path).toBe('reason');
    const long = await revoke(active.id, { reason: 'x'.repeat(401) }).expect(400);
    expect(long.body.errors[0].path).toBe('reason');

    const malformed = await revoke('not-a-key', { reason: 'Suspected leak' }).expect(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path)).toEqual(['keyId']);
    const unknown = await revoke(`z6Mk${'a'.repeat(44)}`, { reason: 'Suspected leak' }).expect(404);
    expect(unknown.body.code).toBe('ISSUER_KEY_NOT_FOUND');
    const twice = await revoke(keyIdOf(first), { reason: 'Suspected leak' }).expect(409);
    expect(twice.body.code).toBe('ALREADY_REVOKED');

    expect(await keys()).toEqual(list);
  });

  it('should let the admin rotate and revoke from the page, re-showing a form without a reason', async () => {
    const browser = new BrowserSession(t.app.getHttpServer());
    await browser.signIn('admin@academy.local', DEMO_PASSWORD);
    expect((await browser.get('/')).text).toContain('href="/admin/issuer-keys"');
    const page = await browser.get('/admin/issuer-keys');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Signing keys');
    expect(page.text).toContain('signs new credentials');
    expect(page.text).toContain('Laptop with the old secret was lost');
    expect(page.text.match(/data-state="revoked"/g)).toHaveLength(2);

    const forged = await browser.postForm('/admin/issuer-keys/rotate', {}, false);
    expect(forged.status).toBe(403);
    const rotated = await browser.postForm('/admin/issuer-keys/rotate', {});
    expect(rotated.status).toBe(303);
    expect(rotated.headers.location).toBe('/admin/issuer-keys?done=rotated');
    const after = await browser.get('/admin/issuer-keys?done=rotated');
    expect(after.text).toContain('A new key signs from now on.');
    expect(after.text.match(/data-state="retired"/g)).toHaveLength(1);

    const retired = /data-key="(z\w+)" data-state="retired"/.exec(after.text)![1];
    const empty = await browser.postForm(`/admin/issuer-keys/${retired}/revoke`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Must say why');
    const done = await browser.postForm(`/admin/issuer-keys/${retired}/revoke`, {
      reason: 'Rotated out after the audit',
    });
    expect(done.status).toBe(303);
    const final = await browser.get('/admin/issuer-keys?done=revoked');
    expect(final.text).toContain('what it signed no longer verifies');
    expect(final.text.match(/data-state="revoked"/g)).toHaveLength(3);
    const again = await browser.postForm(`/admin/issuer-keys/${retired}/revoke`, {
      reason: 'Rotated out after the audit',
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain('already revoked');

    const hr = new BrowserSession(t.app.getHttpServer());
    await hr.signIn('hr@academy.local', DEMO_PASSWORD);
    expect((await hr.get('/admin/issuer-keys')).status).toBe(403);
  });

  it('should document the key routes in OpenAPI', async () => {
    const paths = (await t.http().get('/api/docs-json').expect(200)).body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/issuer-keys',
        '/api/issuer-keys/rotate',
        '/api/issuer-keys/{keyId}/revoke',
      ]),
    );
  });
});

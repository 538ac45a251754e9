import { checkProof, JsonObject } from '../../../src/certifications/credential-proof';
import { StatusListsService } from '../../../src/certifications/status-lists.service';
import { decodeStatusList, LIST_SIZE, statusBit } from '../../../src/certifications/status-list';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserSession } from '../../support/browser-session';
import { sharedFixture } from '../../support/shared-dir';
import { statementValidator } from '../../support/xapi-schema';
import { createTestApp, TestApp } from '../../support/test-app';
import {
  certificationContent,
  publishedKey,
  QUIZ_CERTIFICATE,
  recordActivity,
  userId,
} from './certification-fixture';

// Open Badges 3.0 credentials carry a Data Integrity proof (eddsa-rdfc-2022) made with a key the
// issuer Profile publishes; POST /api/badges/verify checks one the way a verifier would.
const PUBLIC_URL = 'https://academy.example.org';
const PROFILE = `${PUBLIC_URL}/badges/profile`;
const proofOf = (credential: JsonObject) => (credential.proof as JsonObject[])[0];

describe('Signed Open Badges 3.0 credentials', () => {
  let t: TestApp;
  let hr: string;
  let certificate: { id: string; links: { credential: string } };
  let credential: JsonObject;

  const path = (url: string): string => url.slice(PUBLIC_URL.length);
  const check = (app: TestApp, verifiableCredential: unknown) =>
    app.http().post('/api/badges/verify').send({ verifiableCredential });
  const outcomes = (checks: { check: string; outcome: string }[]) =>
    Object.fromEntries(checks.map((c) => [c.check, c.outcome]));
  const named = (checks: { check: string }[], name: string) => checks.find((c) => c.check === name);
  // What an outside verifier does: fetch the list the credential names, check its proof with the
  // profile's keys, read the credential's bit.
  const listBit = async (app: TestApp, status: JsonObject) => {
    const list = (
      await app
        .http()
        .get(path(status.statusListCredential as string))
        .expect(200)
    ).body;
    const profile = (await app.http().get('/badges/profile').expect(200)).body;
    await checkProof(list, publishedKey(profile));
    return statusBit(
      decodeStatusList(list.credentialSubject.encodedList),
      Number(status.statusListIndex),
    );
  };

  let env: Record<string, string>;

  beforeAll(async () => {
    env = {
      CONTENT_DIR: certificationContent({ 'quiz-certificate': QUIZ_CERTIFICATE }),
      PUBLIC_URL,
    };
    t = await createTestApp({ env });
    hr = await t.bearer('hr@academy.local');
    await recordActivity(t, {
      userId: await userId(t, 'trainee@academy.local'),
      kind: 'exam',
      id: 'short-quiz',
    });
    const trainee = await t.bearer('trainee@academy.local');
    const mine = await t.http().get('/api/me/certificates').set('Authorization', trainee);
    certificate = mine.body.certificates[0];
    credential = (await t.http().get(path(certificate.links.credential)).expect(200)).body;
  });
  afterAll(async () => t?.close());

  it('should sign the credential with a key the issuer profile publishes', async () => {
    expect(credential.issuer).toMatchObject({ id: PROFILE, type: ['Profile'] });
    // The OB 3.0 schema wants a list of proofs; ours holds exactly one.
    expect(credential.proof).toHaveLength(1);
    const proof = proofOf(credential);
    expect(proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      created: '2026-11-23T09:00:00Z',
    });
    expect(proof.verificationMethod).toMatch(new RegExp(`^${PROFILE}#z6Mk[1-9A-HJ-NP-Za-km-z]+$`));
    expect(proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/);

    const profile = (await t.http().get('/badges/profile').expect(200)).body;
    expect(profile).toMatchObject({ id: PROFILE, type: ['Profile'], name: 'Agent Academy' });
    expect(profile.verificationMethod).toEqual([
      {
        id: proof.verificationMethod,
        type: 'Multikey',
        controller: PROFILE,
        publicKeyMultibase: (proof.verificationMethod as string).split('#')[1],
      },
    ]);
    expect(profile.assertionMethod).toEqual([proof.verificationMethod]);

    // What an outside verifier does: take the public key from the profile, check the proof.
    await expect(checkProof(credential, publishedKey(profile))).resolves.toBe(
      proof.verificationMethod,
    );
    // The same credential every time it is downloaded.
    const again = (await t.http().get(path(certificate.links.credential)).expect(200)).body;
    expect(again).toEqual(credential);
  });

  it('should give the credential a place in a signed revocation status list', async () => {
    const status = credential.credentialStatus as JsonObject;
    expect(status).toEqual({
      id: `${PUBLIC_URL}/badges/status/1#${String(status.statusListIndex)}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: expect.stringMatching(/^(0|[1-9][0-9]*)$/),
      statusListCredential: `${PUBLIC_URL}/badges/status/1`,
    });
    expect(Number(status.statusListIndex)).toBeLessThan(LIST_SIZE);

    const response = await t.http().get('/badges/status/1').expect(200);
    expect(response.headers['content-type']).toContain('application/ld+json');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.body).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `${PUBLIC_URL}/badges/status/1`,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: PROFILE,
      validFrom: '2026-11-23T09:00:00.000Z',
      credentialSubject: {
        id: `${PUBLIC_URL}/badges/status/1#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
      },
    });
    const bits = decodeStatusList(response.body.credentialSubject.encodedList);
    expect(bits.length * 8).toBe(LIST_SIZE);
    expect(bits.every((byte) => byte === 0)).toBe(true);
    expect(await listBit(t, status)).toBe(0);

    // Concurrent first downloads (say two instances) still give the certificate one place.
    const statusLists = t.app.get(StatusListsService);
    const entries = await Promise.all([1, 2, 3, 4].map(() => statusLists.entryFor(certificate.id)));
    expect(new Set(entries.map((entry) => JSON.stringify(entry)))).toEqual(
      new Set([JSON.stringify(status)]),
    );

    for (const missing of ['/badges/status/2', '/badges/status/0', '/badges/status/one']) {
      const absent = await t.http().get(missing).expect(404);
      expect(absent.body.code).toBe('STATUS_LIST_NOT_FOUND');
    }
  });

  it('should say why a status entry cannot be read', async () => {
    const status = credential.credentialStatus as JsonObject;
    for (const [entry, reason] of [
      [
        { ...status, statusListCredential: 'https://other.example/status/1' },
        'not a status list of this service',
      ],
      [
        { ...status, statusListCredential: `${PUBLIC_URL}/badges/status/7` },
        'There is no status list 7',
      ],
      [{ ...status, statusListIndex: 12 }, 'statusListIndex must be a whole number, as text'],
      [
        { ...status, statusListIndex: String(LIST_SIZE) },
        `statusListIndex must be below ${LIST_SIZE}`,
      ],
      [{ ...status, statusPurpose: 'suspension' }, 'statusPurpose must be revocation'],
      [
        [status, { ...status, id: `${String(status.id)}-copy` }],
        'must be one BitstringStatusListEntry object',
      ],
    ] as const) {
      const response = await check(t, { ...credential, credentialStatus: entry }).expect(200);
      expect(named(response.body.checks, 'status')).toEqual({
        check: 'status',
        outcome: 'failed',
        message: expect.stringContaining(reason),
      });
      // The entry is signed too: any edit also breaks the signature.
      expect(named(response.body.checks, 'signature')).toMatchObject({ outcome: 'failed' });
    }
    // A list of one entry is the same entry in JSON-LD: same signature, same answer.
    const listed = await check(t, { ...credential, credentialStatus: [status] }).expect(200);
    expect(listed.body.verified).toBe(true);
  });

  it('should verify the credential as issued: every check passed', async () => {
    const response = await check(t, credential).expect(200);
    expect(response.body.verified).toBe(true);
    expect(outcomes(response.body.checks)).toEqual({
      format: 'passed',
      issuer: 'passed',
      signature: 'passed',
      validity: 'passed',
      status: 'passed',
      record: 'passed',
    });
    expect(response.body.certificate).toMatchObject({
      holderName: 'Tara Trainee',
      programme: 'Quiz certificate',
      status: 'active',
    });
  });

  it.each([
    ['a new name', (c: JsonObject) => ({ ...c, name: 'Team leader certificate' })],
    ['a later end', (c: JsonObject) => ({ ...c, validUntil: '2099-01-01T00:00:00.000Z' })],
  ])('should catch a credential edited after signing (%s)', async (_what, edit) => {
    const response = await check(t, edit(credential)).expect(200);
    expect(response.body.verified).toBe(false);
    const signature = response.body.checks.find((c: { check: string }) => c.check === 'signature');
    expect(signature).toEqual({
      check: 'signature',
      outcome: 'failed',
      message: 'The signature does not match the credential: it was changed after signing',
    });
  });

  it('should say what is wrong with something that is not one of our credentials', async () => {
    const notOb = await check(t, { type: ['VerifiableCredential'] }).expect(200);
    expect(notOb.body).toEqual({
      verified: false,
      checks: [
        {
          check: 'format',
          outcome: 'failed',
          message: 'Not an Open Badges 3.0 credential: its type must include OpenBadgeCredential',
        },
      ],
      certificate: null,
    });
    const foreign = await check(t, {
      ...credential,
      issuer: { id: 'https://other.example/issuer', type: ['Profile'] },
      id: 'https://other.example/credentials/1',
    }).expect(200);
    expect(outcomes(foreign.body.checks)).toEqual({
      format: 'passed',
      issuer: 'failed',
      signature: 'failed',
      validity: 'passed',
      status: 'passed',
      record: 'failed',
    });
    for (const token of ['A'.repeat(43), 'not-a-token']) {
      const unknown = await check(t, {
        ...credential,
        id: `${PUBLIC_URL}/badges/credentials/${token}`,
      }).expect(200);
      expect(named(unknown.body.checks, 'record')).toEqual({
        check: 'record',
        outcome: 'failed',
        message: 'No certificate of this service has this credential id',
      });
    }
    const unsigned = { ...credential };
    delete unsigned.proof;
    const bare = await check(t, unsigned).expect(200);
    expect(bare.body.checks[2]).toEqual({
      check: 'signature',
      outcome: 'failed',
      message: 'The credential carries no proof',
    });
  });

  it('should answer 400 with the field path when the body is not a credential', async () => {
    for (const body of [{}, { verifiableCredential: 'a string' }, { verifiableCredential: [1] }]) {
      const response = await t.http().post('/api/badges/verify').send(body).expect(400);
      expect(response.body.errors).toEqual([
        { path: 'verifiableCredential', messages: ['verifiableCredential must be an object'] },
      ]);
    }
  });

  it('should record the certificate as an xAPI statement in the Open Badges recipe shape', async () => {
    const trainee = await t.bearer('trainee@academy.local');
    const response = await t
      .http()
      .get('/api/learning-records')
      .query({ verb: 'https://openbadgespec.org/xapi/verbs/earned' })
      .set('Authorization', trainee)
      .expect(200);
    expect(response.body.statements).toHaveLength(1);
    const [statement] = response.body.statements;
    const token = certificate.links.credential.split('/').pop();
    expect(statement).toMatchObject({
      verb: { id: 'https://openbadgespec.org/xapi/verbs/earned', display: { 'en-US': 'earned' } },
      object: {
        objectType: 'Activity',
        id: `${PUBLIC_URL}/badges/programmes/quiz-certificate`,
        definition: {
          type: 'http://activitystrea.ms/schema/1.0/badge',
          name: { 'en-US': 'Quiz certificate' },
        },
      },
      result: {
        extensions: {
          'https://openbadgespec.org/xapi/extensions/badgeassertion': {
            '@id': `${PUBLIC_URL}/badges/assertions/${token}`,
          },
        },
      },
      context: { registration: certificate.id },
      timestamp: '2026-11-23T09:00:00.000Z',
    });
    expect(statementValidator()(statement)).toEqual([]);
    // The recipe's own example uses the same verb, extension and activity type.
    const example = JSON.parse(
      readFileSync(
        join(sharedFixture('xapi'), 'openbadges-xapi-prototype/earned-statement-example.json'),
        'utf8',
      ),
    );
    expect(statement.verb.id).toBe(example.verb.id);
    expect(statement.object.definition.type).toBe(example.object.definition.type);
    expect(Object.keys(statement.result.extensions)).toEqual(
      Object.keys(example.result.extensions),
    );
    // It names the recipe it follows, as the example does.
    expect(statement.context.contextActivities).toEqual({
      category: example.context.contextActivities.category,
    });
  });

  it('should check a pasted credential on the public page, and say why pasted text is not one', async () => {
    const visitor = new BrowserSession(t.app.getHttpServer());
    const form = await visitor.get('/verify');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Check an Open Badges credential');

    const good = await visitor.postForm('/verify', { credential: JSON.stringify(credential) });
    expect(good.status).toBe(200);
    expect(good.text).toContain('Credential verified');
    expect(good.text).toContain('Tara Trainee');
    expect(good.text.match(/class="badge good">passed/g)).toHaveLength(6);
    expect(good.text).toContain('Revocation list');

    const edited = JSON.stringify({ ...credential, name: 'Something else' });
    const bad = await visitor.postForm('/verify', { credential: edited });
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('Credential not verified');
    expect(bad.text).toContain('it was changed after signing');

    for (const [text, reason] of [
      ['', 'Paste the credential'],
      ['{"name": ', 'This is not a credential file: paste the JSON text'],
      ['not json at all', 'This is not a credential file: paste the JSON text'],
      ['[1, 2]', 'must be a JSON object'],
    ]) {
      const response = await visitor.postForm('/verify', { credential: text });
      expect(response.status).toBe(400);
      expect(response.text).toContain(reason);
      expect(response.text).toContain('aria-invalid="true"');
      // The parser's own words ("Unexpected token …") mean nothing to a visitor.
      expect(response.text).not.toContain('Unexpected');
    }
    // A form post without the page's CSRF token is refused.
    expect((await visitor.postForm('/verify', { credential: edited }, false)).status).toBe(403);
  });

  it('should sign with the same key on a second instance and keep old keys after a secret change', async () => {
    const second = await createTestApp({ shareWith: t, env });
    try {
      const copy = (await second.http().get(path(certificate.links.credential)).expect(200)).body;
      expect(copy).toEqual(credential);
    } finally {
      await second.close();
    }
    // A new AUTH_SECRET cannot unseal the key: a new one signs, the old one still verifies.
    const rekeyed = await createTestApp({
      shareWith: t,
      env: { ...env, AUTH_SECRET: 'another-secret-another-secret-0123456789' },
    });
    try {
      const fresh = (await rekeyed.http().get(path(certificate.links.credential)).expect(200)).body;
      const methods = (await rekeyed.http().get('/badges/profile').expect(200)).body
        .verificationMethod;
      expect(methods).toHaveLength(2);
      const [before, after] = [proofOf(credential), proofOf(fresh)].map(
        (p) => p.verificationMethod,
      );
      expect(after).not.toBe(before);
      expect(methods.map((m: { id: string }) => m.id).sort()).toEqual([before, after].sort());
      for (const each of [credential, fresh])
        expect((await check(rekeyed, each).expect(200)).body.verified).toBe(true);
    } finally {
      await rekeyed.close();
    }
  });

  it('should fail the record check once the certificate is revoked or expired', async () => {
    t.clock.advance(366 * 24 * 3600 * 1000);
    const expired = await check(t, credential).expect(200);
    expect(outcomes(expired.body.checks)).toMatchObject({
      signature: 'passed',
      validity: 'failed',
      record: 'failed',
    });
    expect(named(expired.body.checks, 'validity')).toMatchObject({
      message: 'Expired on 2027-11-23T09:00:00.000Z',
    });
    expect(named(expired.body.checks, 'record')).toMatchObject({ message: 'On record: expired' });
    // Expiry is the credential's own validUntil: the revocation list does not mark it.
    expect(named(expired.body.checks, 'status')).toMatchObject({ outcome: 'passed' });
    t.clock.advance(-366 * 24 * 3600 * 1000);

    await t
      .http()
      .post(`/api/certificates/${certificate.id}/revoke`)
      .set('Authorization', hr)
      .send({ reason: 'Issued by mistake' })
      .expect(200);
    const revoked = await check(t, credential).expect(200);
    expect(revoked.body.verified).toBe(false);
    expect(named(revoked.body.checks, 'record')).toEqual({
      check: 'record',
      outcome: 'failed',
      message: 'On record: revoked',
    });
    const status = credential.credentialStatus as JsonObject;
    expect(named(revoked.body.checks, 'status')).toEqual({
      check: 'status',
      outcome: 'failed',
      message: `Revoked: status list 1 marks index ${String(status.statusListIndex)}`,
    });
    // An outside verifier sees the revocation in the signed list, without asking about the token.
    expect(await listBit(t, status)).toBe(1);
    await t.http().get(path(certificate.links.credential)).expect(410);
  });
});

import Ajv from 'ajv';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { QR_MODULE_POINTS } from '../../../src/certifications/certificate-pdf';
import { createTestApp, TestApp } from '../../support/test-app';
import {
  certificationContent,
  QUIZ_CERTIFICATE,
  recordActivity,
  userId,
} from './certification-fixture';
import { sharedFixture } from '../../support/shared-dir';

const OB = sharedFixture('openbadges');
const PUBLIC_URL = 'https://academy.example.org';

function fixture(path: string): Record<string, unknown> {
  // Some IMS schema files carry trailing commas; JSON.parse needs them gone.
  return JSON.parse(readFileSync(join(OB, path), 'utf8').replace(/,(\s*[}\]])/g, '$1'));
}

function validator(schema: Record<string, unknown>): (value: unknown) => string[] {
  const copy = { ...schema };
  // ajv 6 reads draft-07; the 3.0 schema declares 2019-09 but uses nothing ajv 6 cannot check.
  delete copy.$schema;
  const validate = new Ajv({ allErrors: true, unknownFormats: 'ignore', logger: false }).compile(
    copy,
  );
  return (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}

// Every term an OB 2.0 document uses must be defined by the 2.0 JSON-LD context.
const V2_TERMS = new Set(
  Object.keys(
    (fixture('v2/context/openbadges-v2-context.json') as { '@context': object })['@context'],
  ),
);
function undefinedTerms(document: object): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (!key.startsWith('@') && !V2_TERMS.has(key)) out.push(key);
      walk(inner);
    }
  };
  walk(document);
  return out;
}

describe('Proof a third party can check', () => {
  let t: TestApp;
  let trainee: string;
  let certificate: {
    id: string;
    links: {
      verification: string;
      verificationJson: string;
      badge: string;
      credential: string;
      pdf: string;
    };
  };

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        CONTENT_DIR: certificationContent({ 'quiz-certificate': QUIZ_CERTIFICATE }),
        PUBLIC_URL,
      },
    });
    trainee = await t.bearer('trainee@academy.local');
    await recordActivity(t, {
      userId: await userId(t, 'trainee@academy.local'),
      kind: 'exam',
      id: 'short-quiz',
    });
    const mine = await t.http().get('/api/me/certificates').set('Authorization', trainee);
    certificate = mine.body.certificates[0];
  });
  afterAll(async () => t?.close());

  const path = (url: string): string => {
    expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    return url.slice(PUBLIC_URL.length);
  };

  it('should answer verification JSON without login: name, programme, dates, status and nothing else', async () => {
    expect(certificate.links.verification).toMatch(
      new RegExp(`^${PUBLIC_URL}/verify/[A-Za-z0-9_-]{43}$`),
    );
    const response = await t.http().get(path(certificate.links.verificationJson)).expect(200);
    expect(response.body).toEqual({
      holderName: 'Tara Trainee',
      programme: 'Quiz certificate',
      issuedAt: '2026-11-23T09:00:00.000Z',
      expiresAt: '2027-11-23T09:00:00.000Z',
      status: 'active',
    });
    await t.http().get('/api/verify/not-a-token').expect(404);
    await t
      .http()
      .get(`/api/verify/${'A'.repeat(43)}`)
      .expect(404);
  });

  it('should show the public verification page without the email, the evidence or the ids', async () => {
    const page = await t
      .http()
      .get(path(certificate.links.verification))
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('Valid certificate');
    expect(page.text).toContain('Tara Trainee');
    expect(page.text).toContain('Quiz certificate');
    expect(page.text).toContain('2027-11-23');
    expect(page.text).not.toContain('trainee@academy.local');
    expect(page.text).not.toContain(certificate.id);
    expect(page.text).not.toContain('short-quiz');
  });

  it('should host an Open Badges 2.0 assertion, badge class and issuer that match the spec', async () => {
    const assertion = (await t.http().get(path(certificate.links.badge)).expect(200)).body;
    const badge = (await t.http().get(path(assertion.badge)).expect(200)).body;
    const issuer = (await t.http().get(path(badge.issuer)).expect(200)).body;
    await t
      .http()
      .get(path(badge.image))
      .expect(200)
      .expect('content-type', /image\/svg\+xml/);

    const assertions = validator(
      fixture('v2p1/schema/imsob_v2p1v2p1-getassertions-200-responsepayload-schemav1p0.json'),
    );
    const profiles = validator(
      fixture('v2p1/schema/imsob_v2p1v2p1-getprofile-200-responsepayload-schemav1p0.json'),
    );
    const status = { statusCode: 200, statusText: 'OK' };
    expect(assertions({ status, assertions: [assertion] })).toEqual([]);
    expect(profiles({ status, profile: issuer })).toEqual([]);
    expect(assertions({ status, assertions: [{ type: 'Assertion' }] })).not.toEqual([]);

    // Every field the spec's basic examples carry (issuer email is optional) and no term
    // outside the 2.0 context.
    const keys = (example: string, skip: string[] = []): string[] =>
      Object.keys(fixture(`validator-core-test-components/${example}`)).filter(
        (key) => !skip.includes(key),
      );
    expect(Object.keys(assertion)).toEqual(
      expect.arrayContaining(keys('2_0_basic_assertion.json')),
    );
    expect(Object.keys(badge)).toEqual(expect.arrayContaining(keys('2_0_basic_badgeclass.json')));
    expect(Object.keys(issuer)).toEqual(
      expect.arrayContaining(keys('2_0_basic_issuer.json', ['email'])),
    );
    for (const document of [assertion, badge, issuer]) {
      expect(document['@context']).toBe(fixture('v2/spec-examples/01-Assertion.json')['@context']);
      expect(undefinedTerms(document)).toEqual([]);
    }
    expect(assertion).toMatchObject({
      type: 'Assertion',
      id: certificate.links.badge,
      verification: { type: 'hosted' },
      issuedOn: '2026-11-23T09:00:00.000Z',
      expires: '2027-11-23T09:00:00.000Z',
    });
    expect(badge).toMatchObject({ type: 'BadgeClass', name: 'Quiz certificate' });
    expect(issuer).toMatchObject({ type: 'Issuer', url: PUBLIC_URL });
    // The recipient is the holder's email, hashed with the salt as OB 2.0 prescribes.
    const { salt, identity } = assertion.recipient;
    expect(identity).toBe(
      `sha256$${createHash('sha256').update(`trainee@academy.local${salt}`).digest('hex')}`,
    );
  });

  it('should produce an OpenBadgeCredential the 3.0 schema accepts', async () => {
    const credential = (await t.http().get(path(certificate.links.credential)).expect(200)).body;
    const validate = validator(fixture('v3/schema/ob_v3p0_achievementcredential_schema.json'));
    expect(validate(credential)).toEqual([]);
    expect(validate(fixture('v3/spec-examples/basicOpenBadgeCredential.json'))).toEqual([]);
    expect(validate({ ...credential, type: ['VerifiableCredential'] })).not.toEqual([]);
    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      validFrom: '2026-11-23T09:00:00.000Z',
      validUntil: '2027-11-23T09:00:00.000Z',
      credentialSubject: { achievement: { name: 'Quiz certificate' } },
    });
  });

  it('should render a PDF whose QR code encodes the verification URL', async () => {
    const response = await t
      .http()
      .get(certificate.links.pdf)
      .set('Authorization', trainee)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', 'application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toContain(`/URI (${certificate.links.verification})`);
    // Rebuild the QR matrix from the squares drawn in the page and compare it with the QR code
    // of the verification URL.
    const squares = [...text.matchAll(/([\d.]+) ([\d.]+) (\d+) (\d+) re/g)]
      .filter((m) => Number(m[3]) === QR_MODULE_POINTS && Number(m[4]) === QR_MODULE_POINTS)
      .map((m) => [Number(m[1]), Number(m[2])]);
    const expected = QRCode.create(certificate.links.verification, { errorCorrectionLevel: 'M' });
    const left = Math.min(...squares.map(([x]) => x));
    const top = Math.min(...squares.map(([, y]) => y));
    const drawn = new Set(
      squares.map(
        ([x, y]) =>
          `${Math.round((y - top) / QR_MODULE_POINTS)},${Math.round((x - left) / QR_MODULE_POINTS)}`,
      ),
    );
    const dark: string[] = [];
    for (let row = 0; row < expected.modules.size; row++)
      for (let col = 0; col < expected.modules.size; col++)
        if (expected.modules.get(row, col)) dark.push(`${row},${col}`);
    expect(drawn.size).toBe(dark.length);
    expect([...drawn].sort()).toEqual(dark.sort());
    expect(
      expected.segments
        .map((segment) => Buffer.from(segment.data as Uint8Array).toString('utf8'))
        .join(''),
    ).toBe(certificate.links.verification);
  });
});

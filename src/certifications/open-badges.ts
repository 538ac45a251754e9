import { createHash } from 'node:crypto';
import type { VerificationMethod } from './credential-proof';
import { Programme } from './engine';

// Open Badges output, built from plain data. 2.0: hosted verification (the assertion URL is
// the proof; a revoked one answers 410 with `revoked: true`). 3.0: an OpenBadgeCredential for
// wallets, signed by the caller (credential-proof.ts) with a key the 3.0 issuer Profile lists;
// its `id` points back to the hosted copy.

export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
export const OB3_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
export const ISSUER_NAME = 'Agent Academy';
const ISSUER_DESCRIPTION = 'Training and certification for contact-centre agents.';

export interface BadgeUrls {
  issuer: string;
  profile: string;
  badgeClass: string;
  image: string;
  assertion: string;
  credential: string;
  verification: string;
}

export function badgeUrls(base: string, programmeId: string, token: string): BadgeUrls {
  return {
    issuer: `${base}/badges/issuer`,
    profile: `${base}/badges/profile`,
    badgeClass: `${base}/badges/programmes/${programmeId}`,
    image: `${base}/badges/programmes/${programmeId}/image.svg`,
    assertion: `${base}/badges/assertions/${token}`,
    credential: `${base}/badges/credentials/${token}`,
    verification: `${base}/verify/${token}`,
  };
}

/** The recipient's email, hashed with a per-certificate salt (OB 2.0 "sha256$…"). */
export function hashedEmail(email: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(email.trim().toLowerCase() + salt)
    .digest('hex')}`;
}

export function issuerProfile(base: string): object {
  return {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: `${base}/badges/issuer`,
    name: ISSUER_NAME,
    url: base,
    description: ISSUER_DESCRIPTION,
  };
}

/**
 * The Open Badges 3.0 issuer Profile, which is also the controller document of the signing keys:
 * a verifier follows a proof's verificationMethod here and finds the public key.
 */
export function issuerProfileV3(base: string, verificationMethod: VerificationMethod[]): object {
  const id = badgeUrls(base, '', '').profile;
  return {
    '@context': [...OB3_CONTEXT, 'https://w3id.org/security/multikey/v1'],
    id,
    type: ['Profile'],
    name: ISSUER_NAME,
    url: base,
    description: ISSUER_DESCRIPTION,
    verificationMethod,
    assertionMethod: verificationMethod.map((method) => method.id),
  };
}

/** The programme in words, for the badge's criteria. */
export function criteriaNarrative(programme: Programme): string {
  const set = programme.requirements;
  const parts = [
    ...(set.courses.length ? [`complete the courses ${set.courses.join(', ')}`] : []),
    ...set.exams.map(
      (exam) =>
        `pass the exam ${exam.exam}${exam.minimumGrade !== null ? ` with at least ${exam.minimumGrade} %` : ''}`,
    ),
    ...set.simulations.map((simulation) => {
      const what =
        simulation.scenario !== null
          ? `the role-play scenario ${simulation.scenario}`
          : `${simulation.count} role-play scenario(s) tagged ${simulation.tag}`;
      const minimums = Object.entries(simulation.minimumScores).map(([d, v]) => `${d} ${v}`);
      return `pass ${what}${minimums.length ? ` with at least ${minimums.join(', ')}` : ''}`;
    }),
    ...(set.signOff ? [`be signed off by a supervisor (${set.signOff.title})`] : []),
  ];
  return `To earn it: ${parts.join('; ')}. Valid for ${programme.validityMonths} months; renewal opens ${programme.renewalWindowDays} days before expiry.`;
}

export function badgeClass(base: string, programme: Programme): object {
  const urls = badgeUrls(base, programme.id, '');
  return {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: urls.badgeClass,
    name: programme.title,
    description: programme.description,
    image: urls.image,
    criteria: { narrative: criteriaNarrative(programme) },
    issuer: urls.issuer,
    version: String(programme.version),
  };
}

export interface AwardFacts {
  base: string;
  token: string;
  programmeId: string;
  email: string;
  salt: string;
  issuedAt: Date;
  expiresAt: Date;
}

export function assertion(facts: AwardFacts): object {
  const urls = badgeUrls(facts.base, facts.programmeId, facts.token);
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: urls.assertion,
    recipient: {
      type: 'email',
      hashed: true,
      salt: facts.salt,
      identity: hashedEmail(facts.email, facts.salt),
    },
    badge: urls.badgeClass,
    image: urls.image,
    evidence: urls.verification,
    issuedOn: facts.issuedAt.toISOString(),
    expires: facts.expiresAt.toISOString(),
    verification: { type: 'hosted' },
  };
}

/** What a hosted assertion URL answers once the award is revoked (OB 2.0, with 410 Gone). */
export function revokedAssertion(base: string, token: string): object {
  return { '@context': OB2_CONTEXT, id: `${base}/badges/assertions/${token}`, revoked: true };
}

export function openBadgeCredential(facts: AwardFacts, programme: Programme): object {
  const urls = badgeUrls(facts.base, facts.programmeId, facts.token);
  return {
    '@context': OB3_CONTEXT,
    id: urls.credential,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: urls.profile, type: ['Profile'], name: ISSUER_NAME, url: facts.base },
    validFrom: facts.issuedAt.toISOString(),
    validUntil: facts.expiresAt.toISOString(),
    name: programme.title,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: hashedEmail(facts.email, facts.salt),
          identityType: 'emailAddress',
          hashed: true,
          salt: facts.salt,
        },
      ],
      achievement: {
        id: urls.badgeClass,
        type: ['Achievement'],
        name: programme.title,
        description: programme.description,
        criteria: { narrative: criteriaNarrative(programme) },
        image: { id: urls.image, type: 'Image' },
      },
    },
    evidence: [{ id: urls.verification, type: ['Evidence'], name: 'Public verification page' }],
  };
}

/** A plain SVG medal with the programme's title; the badge image every assertion points to. */
export function badgeImageSvg(title: string): string {
  const escaped = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="${escaped}">
<circle cx="128" cy="128" r="120" fill="#1f4e79"/><circle cx="128" cy="128" r="104" fill="none" stroke="#f2c14e" stroke-width="6"/>
<text x="128" y="112" font-family="Helvetica, Arial, sans-serif" font-size="18" fill="#fff" text-anchor="middle">Agent Academy</text>
<text x="128" y="146" font-family="Helvetica, Arial, sans-serif" font-size="15" font-weight="bold" fill="#f2c14e" text-anchor="middle">${escaped}</text>
</svg>
`;
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { renderCertificatePdf } from './certificate-pdf';
import { CredentialCheck, CredentialCheckView, VerificationView } from './certificate-views';
import { Certificate } from './certificate.entity';
import { CertificationError } from './certification-error';
import { CertificationsService } from './certifications.service';
import { addProof, checkProof, isJsonObject, JsonObject, ProofFailure } from './credential-proof';
import { statusAt } from './engine';
import { IssuerKeysService } from './issuer-keys.service';
import {
  assertion,
  AwardFacts,
  badgeClass,
  badgeImageSvg,
  badgeUrls,
  issuerProfile,
  issuerProfileV3,
  openBadgeCredential,
  revokedAssertion,
} from './open-badges';
import { ProgrammesService } from './programmes.service';
import { StatusListError } from './status-list';
import { StatusListsService } from './status-lists.service';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const VALID_STATUSES = new Set(['active', 'expiring']);

/** What a third party can check: the verification page and JSON, Open Badges, the PDF. */
@Injectable()
export class CertificateProofService {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly certifications: CertificationsService,
    private readonly programmes: ProgrammesService,
    private readonly users: UsersService,
    private readonly keys: IssuerKeysService,
    private readonly statusLists: StatusListsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Holder's name, programme, dates and status: nothing else. */
  async verify(token: string): Promise<VerificationView> {
    const row = await this.byToken(token);
    const holder = await this.users.get(row.userId);
    return {
      holderName: holder.displayName,
      programme: row.programmeTitle,
      issuedAt: row.issuedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      status: statusAt(row, this.clock.now()),
    };
  }

  /** The hosted OB 2.0 assertion, or the revoked stub (the caller answers 410 then). */
  async assertion(token: string): Promise<{ revoked: boolean; body: object }> {
    const row = await this.byToken(token);
    if (row.status === 'revoked')
      return { revoked: true, body: revokedAssertion(this.config.publicUrl, token) };
    return { revoked: false, body: assertion(await this.facts(row)) };
  }

  /** The signed OB 3.0 credential; the proof is dated at issue (never before its key). */
  async credential(token: string): Promise<{ revoked: boolean; body: object }> {
    const row = await this.byToken(token);
    if (row.status === 'revoked')
      return { revoked: true, body: revokedAssertion(this.config.publicUrl, token) };
    const key = await this.keys.signingKey();
    const unsigned = openBadgeCredential(
      await this.facts(row),
      this.programmes.get(row.programmeId),
    ) as JsonObject;
    unsigned.credentialStatus = await this.statusLists.entryFor(row.id);
    const created = row.issuedAt > key.createdAt ? row.issuedAt : key.createdAt;
    return { revoked: false, body: await addProof(unsigned, key, created) };
  }

  /** The OB 3.0 issuer Profile with every public key this service has signed with. */
  async profile(): Promise<object> {
    await this.keys.signingKey();
    return issuerProfileV3(this.config.publicUrl, await this.keys.verificationMethods());
  }

  /**
   * Checks a credential someone was handed: that it is ours, unchanged since we signed it, within
   * its dates, and still valid on record (not revoked, expired or superseded since).
   */
  async checkCredential(credential: JsonObject): Promise<CredentialCheckView> {
    const now = this.clock.now();
    const types = credential.type;
    if (!Array.isArray(types) || !types.includes('OpenBadgeCredential'))
      return checked(
        [
          failed(
            'format',
            'Not an Open Badges 3.0 credential: its type must include OpenBadgeCredential',
          ),
        ],
        null,
      );
    const checks: CredentialCheck[] = [passed('format', 'An Open Badges 3.0 credential')];

    const issuer = isJsonObject(credential.issuer) ? credential.issuer.id : credential.issuer;
    checks.push(
      issuer === this.keys.controller
        ? passed('issuer', `Issued by Agent Academy (${this.keys.controller})`)
        : failed(
            'issuer',
            `Issued by ${String(issuer)}, not by this service (${this.keys.controller})`,
          ),
    );

    try {
      const method = await checkProof(credential, (id) => this.keys.publicKey(id));
      checks.push(passed('signature', `Signature valid: signed with ${method}`));
    } catch (error) {
      if (!(error instanceof ProofFailure)) throw error;
      checks.push(failed('signature', error.message));
    }

    checks.push(validityCheck(credential, now));
    if (credential.credentialStatus !== undefined)
      checks.push(await this.statusCheck(credential.credentialStatus));

    const prefix = badgeUrls(this.config.publicUrl, '', '').credential;
    const id = typeof credential.id === 'string' ? credential.id : '';
    const token = id.startsWith(prefix) ? id.slice(prefix.length) : '';
    const record = await this.verify(token).catch(notFoundAsNull);
    if (!record) {
      checks.push(failed('record', 'No certificate of this service has this credential id'));
      return checked(checks, null);
    }
    checks.push(
      VALID_STATUSES.has(record.status)
        ? passed('record', `On record: ${record.status}, checked ${now.toISOString()}`)
        : failed('record', `On record: ${record.status}`),
    );
    return checked(checks, record);
  }

  /** The status list the credential names, read bit by bit as an outside verifier would. */
  private async statusCheck(entry: unknown): Promise<CredentialCheck> {
    try {
      const { revoked, list, index } = await this.statusLists.isRevoked(entry);
      return revoked
        ? failed('status', `Revoked: status list ${list} marks index ${index}`)
        : passed('status', `Not revoked: index ${index} of status list ${list} is clear`);
    } catch (error) {
      if (!(error instanceof StatusListError)) throw error;
      return failed('status', error.message);
    }
  }

  badgeClass(programmeId: string): object {
    return badgeClass(this.config.publicUrl, this.programmes.get(programmeId));
  }

  badgeImage(programmeId: string): string {
    return badgeImageSvg(this.programmes.get(programmeId).title);
  }

  issuer(): object {
    return issuerProfile(this.config.publicUrl);
  }

  async pdf(viewer: Viewer, id: string): Promise<{ fileName: string; content: Buffer }> {
    const row = await this.certifications.visible(viewer, id);
    const holder = await this.users.get(row.userId);
    const content = await renderCertificatePdf({
      holderName: holder.displayName,
      programmeTitle: row.programmeTitle,
      cycle: row.cycle,
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
      verificationUrl: `${this.config.publicUrl}/verify/${row.verificationToken}`,
    });
    return { fileName: `${row.programmeId}-cycle-${row.cycle}.pdf`, content };
  }

  private async byToken(token: string): Promise<Certificate> {
    const row = TOKEN.test(token)
      ? await this.certificates.findOneBy({ verificationToken: token })
      : null;
    if (!row) throw CertificationError.certificateNotFound();
    return row;
  }

  private async facts(row: Certificate): Promise<AwardFacts> {
    const holder = await this.users.get(row.userId);
    return {
      base: this.config.publicUrl,
      token: row.verificationToken,
      programmeId: row.programmeId,
      email: holder.email,
      // Stable per certificate and not derivable without the secret.
      salt: createHmac('sha256', this.config.authSecret).update(row.id).digest('hex').slice(0, 16),
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt,
    };
  }
}

function passed(check: CredentialCheck['check'], message: string): CredentialCheck {
  return { check, outcome: 'passed', message };
}

function failed(check: CredentialCheck['check'], message: string): CredentialCheck {
  return { check, outcome: 'failed', message };
}

function checked(
  checks: CredentialCheck[],
  certificate: VerificationView | null,
): CredentialCheckView {
  return { verified: checks.every((c) => c.outcome === 'passed'), checks, certificate };
}

function validityCheck(credential: JsonObject, now: Date): CredentialCheck {
  const from = Date.parse(String(credential.validFrom));
  const until =
    credential.validUntil === undefined ? Infinity : Date.parse(String(credential.validUntil));
  if (Number.isNaN(from) || Number.isNaN(until))
    return failed('validity', 'validFrom and validUntil must be dates');
  if (now.getTime() < from)
    return failed('validity', `Not valid before ${String(credential.validFrom)}`);
  if (now.getTime() >= until)
    return failed('validity', `Expired on ${String(credential.validUntil)}`);
  return passed(
    'validity',
    `Within its dates (${String(credential.validFrom)} to ${String(credential.validUntil ?? 'no end')})`,
  );
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof CertificationError && error.status === 404) return null;
  throw error;
}

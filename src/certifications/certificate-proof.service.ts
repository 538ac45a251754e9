import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { renderCertificatePdf } from './certificate-pdf';
import { VerificationView } from './certificate-views';
import { Certificate } from './certificate.entity';
import { CertificationError } from './certification-error';
import { CertificationsService } from './certifications.service';
import { statusAt } from './engine';
import {
  assertion,
  AwardFacts,
  badgeClass,
  badgeImageSvg,
  issuerProfile,
  openBadgeCredential,
  revokedAssertion,
} from './open-badges';
import { ProgrammesService } from './programmes.service';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What a third party can check: the verification page and JSON, Open Badges, the PDF. */
@Injectable()
export class CertificateProofService {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly certifications: CertificationsService,
    private readonly programmes: ProgrammesService,
    private readonly users: UsersService,
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

  async credential(token: string): Promise<{ revoked: boolean; body: object }> {
    const row = await this.byToken(token);
    if (row.status === 'revoked')
      return { revoked: true, body: revokedAssertion(this.config.publicUrl, token) };
    return {
      revoked: false,
      body: openBadgeCredential(await this.facts(row), this.programmes.get(row.programmeId)),
    };
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

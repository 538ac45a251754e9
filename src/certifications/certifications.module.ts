import { Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { ActivityCatalogue } from '../activities/activity-catalogue';
import { TypeOrmModule } from '@nestjs/typeorm';
import { addHomeLink, counted, countNotice, HomeNotices } from '../identity/home-sections';
import { IdentityModule } from '../identity/identity.module';
import { LearningRecordsModule } from '../learning-records/learning-records.module';
import { CertificateAwardingService } from './certificate-awarding.service';
import { CertificateExpiryJob } from './certificate-expiry.job';
import { CertificateHoldings } from './certificate-holdings';
import { CertificateNotice } from './certificate-notice.entity';
import { CertificateProofService } from './certificate-proof.service';
import { Certificate } from './certificate.entity';
import { CertificatesController } from './certificates.controller';
import { CertificationPagesController } from './certification-pages.controller';
import { CertificationStaffPagesController } from './certification-staff-pages.controller';
import { CertificationsService } from './certifications.service';
import { CredentialStatusEntry } from './credential-status.entity';
import { IssuerKey } from './issuer-key.entity';
import { IssuerKeyPagesController } from './issuer-key-pages.controller';
import { IssuerKeysController } from './issuer-keys.controller';
import { IssuerKeysService } from './issuer-keys.service';
import { LearningRecordSubscriber } from './learning-record.subscriber';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';
import { SignOff } from './sign-off.entity';
import { SignOffsController } from './sign-offs.controller';
import { SignOffsService } from './sign-offs.service';
import { StatusListsService } from './status-lists.service';
import { VerificationPagesController } from './verification-pages.controller';
import { VerificationController } from './verification.controller';

/**
 * Certifications: programmes (content/programmes), the certificate ledger awarded from learning
 * records, renewal and expiry, supervisors' sign-offs, notices, and public proof (verification,
 * PDF, Open Badges).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Certificate,
      CertificateNotice,
      SignOff,
      IssuerKey,
      CredentialStatusEntry,
    ]),
    IdentityModule,
    LearningRecordsModule,
    ActivitiesModule,
  ],
  controllers: [
    ProgrammesController,
    CertificatesController,
    NoticesController,
    SignOffsController,
    VerificationController,
    CertificationStaffPagesController,
    CertificationPagesController,
    VerificationPagesController,
    IssuerKeysController,
    IssuerKeyPagesController,
  ],
  providers: [
    ProgrammesService,
    NoticesService,
    CertificateAwardingService,
    CertificationsService,
    CertificateProofService,
    IssuerKeysService,
    StatusListsService,
    SignOffsService,
    CertificateExpiryJob,
    LearningRecordSubscriber,
    { provide: CertificateHoldings, useExisting: CertificationsService },
  ],
  exports: [CertificateHoldings, CertificationsService],
})
export class CertificationsModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly homeNotices: HomeNotices,
    private readonly notices: NoticesService,
    private readonly programmes: ProgrammesService,
    private readonly activities: ActivityCatalogue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.activities.reportUnpublished(this.programmes.inAppReferences());
  }

  onModuleInit(): void {
    this.homeNotices.register(['trainee'], async (viewer) =>
      countNotice(
        'certificate-notices',
        await this.notices.unreadCount(viewer),
        (count) => counted(count, 'new certificate notice'),
        '/certificates/notices',
      ),
    );
    addHomeLink('trainee', {
      label: 'My certificates',
      href: '/certificates',
      description: 'Certificates, expiry dates and what is left for each programme',
    });
    for (const role of ['hr', 'admin', 'trainer', 'supervisor'] as const)
      addHomeLink(role, {
        label: 'Certificates',
        href: '/certificates/staff',
        description:
          role === 'hr' || role === 'admin'
            ? 'Every certificate, its status and revocation'
            : 'Certificates held in your teams',
      });
    addHomeLink('admin', {
      label: 'Signing keys',
      href: '/admin/issuer-keys',
      description: 'The keys Open Badges credentials are signed with: rotate or revoke',
    });
    for (const role of ['supervisor', 'trainer'] as const)
      addHomeLink(role, {
        label: 'Sign-offs',
        href: '/certificates/sign-offs',
        description:
          role === 'supervisor'
            ? 'Observation checklists waiting for your signature'
            : 'Observation checklists a programme lets trainers sign',
      });
  }
}

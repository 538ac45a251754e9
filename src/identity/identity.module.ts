import { Inject, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { ErasureService } from './erasure.service';
import { PersonalDataErasers } from './personal-data';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { AuditEntry } from './audit-entry.entity';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { CredentialsService } from './credentials.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoAccounts } from './demo-accounts';
import { counted, countNotice, HomeNotices } from './home-sections';
import { AccountPagesController } from './account-pages.controller';
import { IdentityPagesController } from './identity-pages.controller';
import { OnboardingPagesController } from './onboarding-pages.controller';
import { PeoplePagesController } from './people-pages.controller';
import { PersonPagesController } from './person-pages.controller';
import { User } from './user.entity';
import { UserImportService } from './user-import.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, AuditEntry]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to read it as a
        // public key on every verify, which was a tenth of a role-play turn's CPU time.
        secret: createSecretKey(Buffer.from(config.authSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [
    AuthController,
    UsersController,
    AuditController,
    IdentityPagesController,
    AccountPagesController,
    PeoplePagesController,
    // Before the person pages, whose `admin/users/:userId` would also match `admin/users/import`.
    OnboardingPagesController,
    PersonPagesController,
  ],
  providers: [
    AuthService,
    UsersService,
    UserImportService,
    CredentialsService,
    AuditService,
    DemoAccounts,
    HomeNotices,
    PersonalDataErasers,
    ErasureService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, AuditService, HomeNotices, PersonalDataErasers],
})
export class IdentityModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoAccounts,
    private readonly homeNotices: HomeNotices,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // People who asked, from the sign-in page, for a new password (the service sends no mail).
    this.homeNotices.register(['hr', 'admin'], async () =>
      countNotice(
        'password-help',
        await this.users.countByStatus('password-help'),
        (count) => `${counted(count, 'person has', 'people have')} asked for a new password`,
        '/admin/users?status=password-help',
      ),
    );
    // Onboarding follow-up: accounts handed a temporary password that was never replaced.
    this.homeNotices.register(['hr', 'admin'], async () =>
      countNotice(
        'temporary-passwords',
        await this.users.countByStatus('temporary-password'),
        (count) =>
          `${counted(count, 'person has', 'people have')} not chosen their own password yet`,
        '/admin/users?status=temporary-password',
      ),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demoAccounts) await this.demo.ensure();
  }
}

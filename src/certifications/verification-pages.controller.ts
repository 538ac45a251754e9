import { Controller, Get, Inject, Param, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Clock, CLOCK } from '../common/clock';
import { Public } from '../identity/access.decorators';
import { CertificateProofService } from './certificate-proof.service';
import { verificationPage } from './certification-pages.mapper';

/** The public verification page a QR code or a shared link opens (no sign-in). */
@ApiExcludeController()
@Public()
@Controller('verify')
export class VerificationPagesController {
  constructor(
    private readonly proof: CertificateProofService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':token')
  @Render('certifications/verify')
  async verify(@Param('token') token: string): Promise<object> {
    return verificationPage(await this.proof.verify(token), this.clock.now());
  }
}

import { Body, Controller, Get, Inject, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Clock, CLOCK } from '../common/clock';
import { errorsByPath, validateInto } from '../common/validation';
import { Public } from '../identity/access.decorators';
import { CertificateProofService } from './certificate-proof.service';
import { credentialCheckPage, verificationPage } from './certification-pages.mapper';
import { isJsonObject, JsonObject } from './credential-proof';
import { CredentialFormDto } from './dto/certification.dto';

const CHECK_VIEW = 'certifications/check-credential';

/**
 * Public pages (no sign-in): the verification page a QR code or a shared link opens, and the
 * credential checker where anyone pastes an Open Badges 3.0 credential a holder gave them.
 */
@ApiExcludeController()
@Public()
@Controller('verify')
export class VerificationPagesController {
  constructor(
    private readonly proof: CertificateProofService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Render(CHECK_VIEW)
  checkForm(): object {
    return credentialCheckPage({});
  }

  @Post()
  async check(@Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const refuse = (errors: Record<string, string>) =>
      response.status(400).render(CHECK_VIEW, credentialCheckPage(body, { errors }));
    const form = validateInto(CredentialFormDto, body);
    if (!form.ok) return refuse(errorsByPath(form.errors));
    const credential = parseObject(form.value.credential);
    if (typeof credential === 'string') return refuse({ credential });
    response
      .status(200)
      .render(
        CHECK_VIEW,
        credentialCheckPage(body, { result: await this.proof.checkCredential(credential) }),
      );
  }

  @Get(':token')
  @Render('certifications/verify')
  async verify(@Param('token') token: string): Promise<object> {
    return verificationPage(await this.proof.verify(token), this.clock.now());
  }
}

/** The pasted text as a JSON object, or why it is not one. */
function parseObject(text: string): JsonObject | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'This is not a credential file: paste the JSON text of an Open Badges credential, or open the file.';
  }
  return isJsonObject(value) ? value : 'The credential must be a JSON object ({ … })';
}

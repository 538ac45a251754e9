import {
  Body,
  Controller,
  Get,
  Post,
  Render,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DomainError } from '../common/domain-error';
import { Roles } from './access.decorators';
import { IMPORT_MAX_BYTES } from './users.controller';
import { UserImportService } from './user-import.service';
import { CurrentViewer, Viewer } from './viewer';

type Form = Record<string, unknown>;

/** Onboarding a cohort from CSV (registered before the person pages, whose `:userId` would match "import"). */
@ApiExcludeController()
@Controller('admin/users/import')
export class OnboardingPagesController {
  constructor(private readonly userImport: UserImportService) {}

  @Get()
  @Roles('admin', 'hr')
  @Render('identity/import')
  importPage(): object {
    return { title: 'Onboard new hires' };
  }

  @Post()
  @Roles('admin', 'hr')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES } }))
  async import(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const csv = file?.buffer.toString('utf8') || String(form.csv ?? '');
    try {
      const created = await this.userImport.importCsv(viewer, csv);
      response.status(200).render('identity/import', { title: 'Onboard new hires', created });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      response.status(error.status).render('identity/import', {
        title: 'Onboard new hires',
        csv,
        error: error.message,
        rowErrors: error.errors ?? [],
      });
    }
  }
}

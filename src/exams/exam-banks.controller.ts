import {
  BadRequestException,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Request } from 'express';
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { ImportBankQueryDto } from './dto/attempt.dto';
import { ExamBank } from './exam-bank-content.kind';
import { GiftIssue } from './gift/gift-import';
import { BankSummary, GiftImportResult, QuestionBankService } from './question-bank.service';

export const GIFT_MAX_BYTES = 2 * 1024 * 1024;

@ApiTags('exams')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller('api/exams/banks')
export class ExamBanksController {
  constructor(private readonly banks: QuestionBankService) {}

  @Get()
  @ApiOkResponse({
    description:
      'Content banks (YAML and GIFT in content/exams/banks) and imported ones, with counts by type',
  })
  list(): Promise<BankSummary[]> {
    return this.banks.listBanks();
  }

  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: GIFT_MAX_BYTES } }))
  @ApiConsumes('multipart/form-data', 'text/plain')
  @ApiBody({ description: 'A Moodle GIFT file: a multipart "file" field or a text/plain body' })
  @ApiCreatedResponse({
    description:
      'The imported questions and a per-question report (line, field, reason) of those left out; 422 when none could be imported',
  })
  async import(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() request: Request,
    @Query() query: ImportBankQueryDto,
  ): Promise<GiftImportResult> {
    const source = file
      ? file.buffer.toString('utf8')
      : typeof request.body === 'string'
        ? request.body
        : null;
    if (source === null || source.trim() === '')
      throw new BadRequestException(
        'Send the GIFT file as a multipart "file" field or as a text/plain body',
      );
    return this.banks.importGift(viewer, {
      source,
      bankId: query.bankId,
      title: query.title,
      fileName: file?.originalname,
    });
  }

  @Get(':bankId')
  @ApiOkResponse({ description: 'A bank with every question, keys included (staff only)' })
  get(@Param('bankId') bankId: string): Promise<ExamBank & { issues: GiftIssue[] }> {
    return this.banks.bank(bankId);
  }

  @Get(':bankId/yaml')
  @ApiProduces('application/yaml')
  @Header('content-type', 'application/yaml; charset=utf-8')
  @ApiOkResponse({
    description: 'The bank in the YAML format of content/exams/banks, to commit there',
  })
  yaml(@Param('bankId') bankId: string): Promise<string> {
    return this.banks.bankAsYaml(bankId);
  }

  @Delete(':bankId')
  @HttpCode(204)
  async remove(@CurrentViewer() viewer: Viewer, @Param('bankId') bankId: string): Promise<void> {
    await this.banks.deleteBank(viewer, bankId);
  }
}

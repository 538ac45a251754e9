import {
  Body,
  Controller,
  Get,
  Param,
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
import { Roles } from '../identity/access.decorators';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { GIFT_MAX_BYTES } from './exam-banks.controller';
import { renderInline, renderQuestionText } from './exam-text';
import { rightAnswer } from './engine';
import { QuestionBankService } from './question-bank.service';

type Form = Record<string, unknown>;

/** Trainers' pages for question banks: the list, a GIFT import with its per-question report, a preview. */
@ApiExcludeController()
@Roles('trainer', 'admin')
@Controller('exams/banks')
export class ExamBankPagesController {
  constructor(private readonly banks: QuestionBankService) {}

  @Get()
  @Render('exams/banks')
  async banksPage(): Promise<object> {
    return { title: 'Question banks', banks: await this.banks.listBanks() };
  }

  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: GIFT_MAX_BYTES } }))
  async importBank(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() form: Form,
    @Res() response: Response,
  ): Promise<void> {
    const source = file?.buffer.toString('utf8') || String(form.gift ?? '');
    const text = (key: string): string | undefined =>
      typeof form[key] === 'string' && form[key].trim() ? form[key].trim() : undefined;
    let model: object;
    try {
      const result = await this.banks.importGift(viewer, {
        source,
        bankId: text('bankId'),
        title: text('title'),
        fileName: file?.originalname,
      });
      model = { result };
      response.status(200);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      model = { error: error.message, errors: error.errors ?? [], gift: source };
      response.status(error.status);
    }
    response.render('exams/banks', {
      title: 'Question banks',
      banks: await this.banks.listBanks(),
      ...model,
    });
  }

  @Get(':bankId')
  @Render('exams/bank')
  async bank(@Param('bankId') bankId: string): Promise<object> {
    const bank = await this.banks.bank(bankId);
    return {
      title: bank.title,
      bank,
      questions: bank.questions.map((question) => ({
        ...question,
        promptHtml: renderQuestionText(question.prompt, question.format),
        rightAnswer: renderInline(rightAnswer(question) ?? '', question.format),
      })),
    };
  }
}

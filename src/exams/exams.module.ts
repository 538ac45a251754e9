import { WithdrawalsModule } from '../activities/withdrawals.module';
import {
  MiddlewareConsumer,
  Module,
  NestModule,
  OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import express from 'express';
import { PersonalDataErasers } from '../identity/personal-data';
import { eraseExamAnswers } from './personal-data.eraser';
import { addHomeLink, counted, countNotice, HomeNotices } from '../identity/home-sections';
import { IdentityModule } from '../identity/identity.module';
import { LearningRecordsModule } from '../learning-records/learning-records.module';
import { ScoringModule } from '../scoring/scoring.module';
import { AttemptGradingService } from './attempt-grading.service';
import { AuthoredExamShelf } from './authored-exam-shelf';
import { AuthoredExam, AuthoredExamVersion } from './authored-exam.entity';
import { ExamAuthoringPagesController } from './exam-authoring-pages.controller';
import { ExamAuthoringController } from './exam-authoring.controller';
import { ExamAuthoringService } from './exam-authoring.service';
import { ExamVersionsService } from './exam-versions.service';
import { ExamArrangement } from './exam-arrangement.entity';
import { ExamArrangementsController } from './exam-arrangements.controller';
import { ExamArrangementsService } from './exam-arrangements.service';
import { AttemptPresenter } from './attempt-presenter';
import { AttemptStore } from './attempt.store';
import { AttemptsService } from './attempts.service';
import { ExamAttemptSlot } from './exam-attempt-slot.entity';
import { ExamAttemptStep } from './exam-attempt-step.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamBankPagesController } from './exam-bank-pages.controller';
import { ExamAttemptsController } from './exam-attempts.controller';
import { ExamBanksController, GIFT_MAX_BYTES } from './exam-banks.controller';
import { ExamGradingController } from './exam-grading.controller';
import { ExamPagesController } from './exam-pages.controller';
import { ExamRecords } from './exam-records';
import { ExamReportsService } from './exam-reports.service';
import { ExamTrainerPagesController } from './exam-trainer-pages.controller';
import { ExamsController } from './exams.controller';
import { ImportedBank } from './imported-bank.entity';
import { QuestionBankService } from './question-bank.service';

/** Exams: question banks (YAML and GIFT), exam definitions, attempts, grading and statistics. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ExamAttempt,
      ExamAttemptSlot,
      ExamAttemptStep,
      ImportedBank,
      AuthoredExam,
      AuthoredExamVersion,
      ExamArrangement,
    ]),
    IdentityModule,
    WithdrawalsModule,
    ScoringModule,
    LearningRecordsModule,
  ],
  // The fixed paths (authoring, banks, attempts, grading) come before /api/exams/:examId.
  controllers: [
    ExamAuthoringController,
    ExamArrangementsController,
    ExamBanksController,
    ExamAttemptsController,
    ExamGradingController,
    ExamsController,
    ExamAuthoringPagesController,
    ExamBankPagesController,
    ExamTrainerPagesController,
    ExamPagesController,
  ],
  providers: [
    AuthoredExamShelf,
    QuestionBankService,
    ExamAuthoringService,
    ExamVersionsService,
    ExamArrangementsService,
    AttemptStore,
    AttemptGradingService,
    AttemptsService,
    AttemptPresenter,
    ExamReportsService,
    ExamRecords,
  ],
  exports: [QuestionBankService, AttemptsService, AttemptGradingService],
})
export class ExamsModule implements NestModule, OnModuleInit {
  constructor(
    private readonly homeNotices: HomeNotices,
    private readonly reports: ExamReportsService,
    private readonly erasers: PersonalDataErasers,
  ) {}

  onModuleInit(): void {
    this.erasers.register('exams', eraseExamAnswers);
    // Trainers and admins mark the written answers (the grading page is theirs, for every team).
    this.homeNotices.register(['trainer', 'admin'], async () =>
      countNotice(
        'answers-to-mark',
        await this.reports.pendingReviewCount(),
        (count) => `${counted(count, 'written answer')} waiting to be marked`,
        '/exams/grading',
      ),
    );
    addHomeLink('trainee', {
      label: 'Exams',
      href: '/exams',
      description: 'Sit your exams and see your results',
    });
    for (const role of ['trainer', 'admin'] as const) {
      addHomeLink(role, {
        label: 'Exams',
        href: '/exams',
        description: 'Exams, attempts and item statistics',
      });
      addHomeLink(role, {
        label: 'Answers to review',
        href: '/exams/grading',
        description: 'Free-text answers waiting for a trainer',
      });
      addHomeLink(role, {
        label: 'Question banks',
        href: '/exams/banks',
        description: 'Banks in content/ and GIFT imports',
      });
      addHomeLink(role, {
        label: 'Exam editor',
        href: '/exams/authoring',
        description: 'Write exams drawn from the banks, save drafts and publish them',
      });
    }
  }

  configure(consumer: MiddlewareConsumer): void {
    // A GIFT file may also be posted as a plain-text body.
    consumer
      .apply(express.text({ type: ['text/plain', 'application/x-gift'], limit: GIFT_MAX_BYTES }))
      .forRoutes({ path: 'api/exams/banks/import', method: RequestMethod.POST });
  }
}

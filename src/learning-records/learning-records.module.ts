import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { LearningRecord } from './learning-record.entity';
import { LearningRecordsController } from './learning-records.controller';
import { LearningRecordsService } from './learning-records.service';

/** The shared learning-record store; courses, exams, simulations and certifications write to it. */
@Module({
  imports: [TypeOrmModule.forFeature([LearningRecord]), IdentityModule],
  controllers: [LearningRecordsController],
  providers: [LearningRecordsService],
  exports: [LearningRecordsService],
})
export class LearningRecordsModule {}

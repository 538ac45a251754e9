import { Module } from '@nestjs/common';
import { ExamsModule } from '../exams/exams.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { ActivityCatalogue } from './activity-catalogue';
import { WithdrawalsModule } from './withdrawals.module';

/** Titles and availability of courses, exams and scenarios for the features that name them. */
@Module({
  imports: [ExamsModule, SimulationsModule, WithdrawalsModule],
  providers: [ActivityCatalogue],
  exports: [ActivityCatalogue],
})
export class ActivitiesModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { ActivityWithdrawal } from './activity-withdrawal.entity';
import { ActivityWithdrawals } from './activity-withdrawals';

/** Withdrawals of editor exams and scenarios, read by exams, simulations and the catalogue. */
@Module({
  imports: [TypeOrmModule.forFeature([ActivityWithdrawal]), IdentityModule],
  providers: [ActivityWithdrawals],
  exports: [ActivityWithdrawals],
})
export class WithdrawalsModule {}

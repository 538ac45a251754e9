import { ApiProperty } from '@nestjs/swagger';
import { Reason } from '../common/reason.dto';
import { WithdrawalView } from './activity-withdrawals';

export class WithdrawDto {
  @Reason('Why trainees may no longer take it (shown to staff, kept in the audit log)', 500)
  reason!: string;
}

export class WithdrawalInfoView implements WithdrawalView {
  @ApiProperty() withdrawnAt!: string;
  @ApiProperty({ nullable: true, type: String }) withdrawnById!: string | null;
  @ApiProperty() reason!: string;
}

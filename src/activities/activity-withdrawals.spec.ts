import { Repository } from 'typeorm';
import { systemClock } from '../common/clock';
import { AuditService } from '../identity/audit.service';
import { ActivityWithdrawal } from './activity-withdrawal.entity';
import { ActivityWithdrawals } from './activity-withdrawals';

const WITHDRAWN: ActivityWithdrawal = {
  kind: 'exam',
  activityId: 'night-quiz',
  reason: 'Wrong key',
  withdrawnAt: new Date('2026-12-07T10:00:00Z'),
  withdrawnById: null,
};

describe('ActivityWithdrawals', () => {
  it('should keep what a later read found when an earlier one answers after it', async () => {
    const answers: ((rows: ActivityWithdrawal[]) => void)[] = [];
    const rows = {
      find: () => new Promise<ActivityWithdrawal[]>((resolve) => answers.push(resolve)),
    } as unknown as Repository<ActivityWithdrawal>;
    const withdrawals = new ActivityWithdrawals(rows, {} as AuditService, systemClock);

    // A periodic read starts before a withdrawal commits; the withdrawal then reads again.
    const periodic = withdrawals.refresh();
    const afterChange = (withdrawals as unknown as { read(): Promise<void> }).read();
    answers[1]([WITHDRAWN]);
    await afterChange;
    answers[0]([]);
    await periodic;

    expect(withdrawals.isWithdrawn('exam', 'night-quiz')).toBe(true);
    expect(withdrawals.of('exam', 'night-quiz')).toMatchObject({ reason: 'Wrong key' });
  });
});

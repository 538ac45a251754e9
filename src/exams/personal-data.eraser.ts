import { EntityManager } from 'typeorm';
import { ERASED_TEXT } from '../identity/personal-data';
import { ExamArrangement } from './exam-arrangement.entity';
import { ExamAttemptStep } from './exam-attempt-step.entity';
import { ExamAttempt } from './exam-attempt.entity';

/**
 * Erasing a person: the text of their written answers is replaced (marks and states stay), and
 * their individual arrangements, whose reasons may describe their health, are removed.
 */
export async function eraseExamAnswers(manager: EntityManager, userId: string): Promise<number> {
  const steps = await manager
    .createQueryBuilder(ExamAttemptStep, 'step')
    .innerJoin(ExamAttempt, 'attempt', 'attempt.id = step.attempt_id')
    .where('attempt.user_id = :userId', { userId })
    .andWhere('step.response IS NOT NULL')
    .getMany();
  let changed = 0;
  for (const step of steps) {
    if (!step.response || !('text' in step.response)) continue;
    await manager.update(ExamAttemptStep, { id: step.id }, { response: { text: ERASED_TEXT } });
    changed++;
  }
  const arrangements = await manager.delete(ExamArrangement, { userId });
  return changed + (arrangements.affected ?? 0);
}

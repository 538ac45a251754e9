import { EntityManager } from 'typeorm';
import { ERASED_TEXT } from '../identity/personal-data';
import { ScoreReport } from '../scoring/engine';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';
import { TurnReview } from './turn-review.entity';

/**
 * Erasing a person: their role-play replies are replaced, with the words their score reports
 * quote (evidence, violations, concepts found) and the questions each session remembers they
 * asked; scores, branches and moods stay. The notes reviewers wrote about those replies go too.
 */
export async function eraseRolePlayReplies(
  manager: EntityManager,
  userId: string,
): Promise<number> {
  const turns = await manager
    .createQueryBuilder(SimulationTurn, 'turn')
    .innerJoin(SimulationSession, 'session', 'session.id = turn.session_id')
    .where('session.user_id = :userId', { userId })
    .getMany();
  for (const turn of turns)
    await manager.update(
      SimulationTurn,
      { id: turn.id },
      { reply: ERASED_TEXT, report: withoutQuotes(turn.report) },
    );
  const sessions = await manager.find(SimulationSession, { where: { userId } });
  for (const session of sessions)
    if (session.state.asked.length)
      await manager.update(
        SimulationSession,
        { id: session.id },
        { state: { ...session.state, asked: [] } },
      );
  const notes = await manager
    .createQueryBuilder()
    .update(TurnReview)
    .set({ note: null })
    .where('note IS NOT NULL')
    .andWhere(
      `session_id IN (${manager
        .createQueryBuilder(SimulationSession, 'session')
        .select('session.id')
        .where('session.user_id = :userId')
        .getQuery()})`,
    )
    .setParameters({ userId })
    .execute();
  return turns.length + (notes.affected ?? 0);
}

/** The report with every quoted piece of the reply taken out; the numbers stay. */
function withoutQuotes(report: ScoreReport): ScoreReport {
  return {
    ...report,
    evidence: [],
    violations: report.violations.map((violation) => ({ ...violation, text: '', span: [0, 0] })),
    concepts: report.concepts.map(({ span: _span, ...concept }) => concept),
  };
}

import {
  AttemptSummaryView,
  SessionView,
  TranscriptLineView,
  TurnView,
} from './dto/simulation-views.dto';
import { maskedAccount, Scenario, TurnRecord } from './engine';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';

/** How long an active session may sit idle before it expires. */
export const SESSION_IDLE_MS = 24 * 3600 * 1000;

export function attemptSummary(session: SimulationSession): AttemptSummaryView {
  return {
    sessionId: session.id,
    attemptNumber: session.attemptNumber,
    status: session.status,
    outcome: session.outcome,
    passed: session.passed,
    meanScore: session.meanScore,
    turns: session.turnCount,
    scenarioVersion: session.scenarioVersion,
    startedAt: session.startedAt.toISOString(),
    finishedAt: session.finishedAt?.toISOString() ?? null,
  };
}

/** The conversation so far: each customer line, the reply, the reaction; then the open line. */
export function transcriptOf(
  session: SimulationSession,
  turns: readonly SimulationTurn[],
): TranscriptLineView[] {
  const lines: TranscriptLineView[] = [];
  for (const turn of turns) {
    lines.push({ speaker: 'customer', text: turn.customerLine });
    lines.push({ speaker: 'agent', text: turn.reply, turnIndex: turn.turnIndex });
    if (turn.reaction) lines.push({ speaker: 'customer', text: turn.reaction });
  }
  if (session.status !== 'expired' || turns.length === 0)
    lines.push({ speaker: 'customer', text: session.state.customerLine });
  return lines;
}

export function sessionView(
  scenario: Scenario,
  session: SimulationSession,
  turns: readonly SimulationTurn[],
): SessionView {
  return {
    id: session.id,
    userId: session.userId,
    scenarioId: session.scenarioId,
    scenarioVersion: session.scenarioVersion,
    title: scenario.title,
    channel: scenario.channel,
    customer: scenario.persona.name,
    account: maskedAccount(scenario.persona.account),
    attemptNumber: session.attemptNumber,
    status: session.status,
    nextTurnIndex: session.turnCount,
    mood: { label: session.state.mood, anger: session.anger },
    transcript: transcriptOf(session, turns),
    outcome: session.outcome,
    passed: session.passed,
    meanScore: session.meanScore,
    startedAt: session.startedAt.toISOString(),
    lastActivityAt: session.lastActivityAt.toISOString(),
    expiresAt:
      session.status === 'active'
        ? new Date(session.lastActivityAt.getTime() + SESSION_IDLE_MS).toISOString()
        : null,
  };
}

/** The answer to a reply; a repeated submit gets the same answer from the stored turn. */
export function turnView(
  session: Pick<SimulationSession, 'id' | 'status' | 'turnCount' | 'outcome' | 'passed'>,
  turn: SimulationTurn,
  replayed: boolean,
): TurnView {
  const last = turn.turnIndex === session.turnCount - 1;
  const finished = last && session.status === 'finished';
  return {
    sessionId: session.id,
    turnIndex: turn.turnIndex,
    replayed,
    reaction: turn.reaction,
    customerLine: turn.nextLine,
    trigger: turn.trigger,
    mood: { label: turn.moodAfter, anger: turn.angerAfter },
    finished,
    outcome: finished ? session.outcome : null,
    passed: finished ? session.passed : null,
    nextTurnIndex: session.turnCount,
  };
}

export function turnRecord(turn: SimulationTurn): TurnRecord {
  return {
    turnIndex: turn.turnIndex,
    stepId: turn.stepId,
    customerLine: turn.customerLine,
    reply: turn.reply,
    report: turn.report,
    branchIndex: turn.branchIndex,
    next: turn.nextStepId,
    reaction: turn.reaction,
    trigger: turn.trigger,
    angerBefore: turn.angerBefore,
    angerAfter: turn.angerAfter,
    moodBefore: turn.moodBefore,
    moodAfter: turn.moodAfter,
    reasons: turn.reasons,
  };
}

import type { FieldError } from '../common/domain-error';
import { errorsByPath } from '../common/validation';
import { percentOf } from '../common/view-helpers';
import {
  AttemptSummaryView,
  DebriefView,
  ScenarioResultsView,
  ScenarioSummaryView,
  SessionView,
  StaffSessionView,
} from './dto/simulation-views.dto';
import { ReceivedReviewView, UnseenReviewsView } from './dto/turn-review.dto';
import {
  feedbackItem,
  ReviewContext,
  turnReviewsModel,
  unseenReviewsNotice,
} from './turn-review-pages.mapper';
import type { DebriefTurn, MoodLabel, OutcomeKind, Scenario } from './engine';
import { OUTCOME_LABELS } from './outcome-labels';

type Badge = { label: string; badge: string };

const STATUS: Record<ScenarioSummaryView['mine']['status'], Badge> = {
  'not-started': { label: 'Not started', badge: '' },
  'in-progress': { label: 'In progress', badge: 'warn' },
  passed: { label: 'Passed', badge: 'good' },
  failed: { label: 'Not passed yet', badge: 'bad' },
};

const OUTCOME: Record<OutcomeKind, Badge> = {
  resolved: { label: OUTCOME_LABELS.resolved, badge: 'good' },
  'escalated-properly': { label: OUTCOME_LABELS['escalated-properly'], badge: 'good' },
  'escalated-badly': { label: OUTCOME_LABELS['escalated-badly'], badge: 'bad' },
  lost: { label: OUTCOME_LABELS.lost, badge: 'bad' },
};

const MOOD_BADGE: Record<MoodLabel, string> = {
  calm: 'good',
  satisfied: 'good',
  anxious: 'warn',
  dissatisfied: 'warn',
  angry: 'bad',
};

/** Scores are kept exact; pages show whole points. */
export function points(value: number | null | undefined): string {
  return typeof value === 'number' ? String(Math.round(value)) : '–';
}

export function outcomeBadge(outcome: OutcomeKind | null): Badge | null {
  return outcome ? OUTCOME[outcome] : null;
}

function attempt(summary: AttemptSummaryView | null): object | null {
  if (!summary) return null;
  return {
    ...summary,
    score: points(summary.meanScore),
    outcomeBadge: outcomeBadge(summary.outcome),
    href:
      summary.status === 'finished'
        ? `/simulations/sessions/${summary.sessionId}/debrief`
        : `/simulations/sessions/${summary.sessionId}`,
  };
}

export interface ListFilters {
  tag?: string;
  difficulty?: string;
}

/** The scenario list: each scenario with the viewer's status, filtered by tag and difficulty. */
export function scenarioListModel(
  scenarios: ScenarioSummaryView[],
  filters: ListFilters,
  access: {
    canManage: boolean;
    canAuthor: boolean;
    feedback: ReceivedReviewView[];
    unseen: UnseenReviewsView | null;
  },
): object {
  const shown = scenarios.filter(
    (item) =>
      (!filters.tag || item.tags.includes(filters.tag)) &&
      (!filters.difficulty || item.difficulty === filters.difficulty),
  );
  return {
    title: 'Role-play',
    filters,
    tags: [...new Set(scenarios.flatMap((item) => item.tags))].sort(),
    difficulties: ['easy', 'medium', 'hard'],
    ...access,
    feedback: access.feedback.map(feedbackItem),
    newReviews: access.unseen ? unseenReviewsNotice(access.unseen) : null,
    total: scenarios.length,
    scenarios: shown.map((item) => ({
      ...item,
      status: STATUS[item.mine.status],
      best: attempt(item.mine.best),
      latest: attempt(item.mine.latest),
    })),
  };
}

/** The brief: who the customer is and what they want, with Start or Resume and past attempts. */
export function briefModel(
  summary: ScenarioSummaryView,
  scenario: Scenario,
  attempts: StaffSessionView[],
  extra: { canManage: boolean; error?: string },
): object {
  return {
    title: summary.title,
    scenario: summary,
    persona: scenario.persona,
    moodBadge: MOOD_BADGE[scenario.persona.mood],
    status: STATUS[summary.mine.status],
    resumable: summary.mine.activeSessionId !== null,
    startable: !summary.withdrawn || summary.mine.activeSessionId !== null,
    attempts: attempts.map((item) => attempt(item)),
    canManage: extra.canManage,
    error: extra.error,
  };
}

/** The role-play page; `own` decides whether the reply box is shown. */
export function sessionModel(
  view: SessionView,
  extra: { own: boolean; error?: string; errors?: FieldError[]; text?: string },
): object {
  const you = extra.own ? 'You' : 'Agent';
  return {
    title: `${view.title} · role-play`,
    session: view,
    lines: view.transcript.map((line) => ({
      ...line,
      who: line.speaker === 'customer' ? view.customer : you,
    })),
    mood: { ...view.mood, badge: MOOD_BADGE[view.mood.label] },
    playable: extra.own && view.status === 'active',
    finished: view.status === 'finished',
    expired: view.status === 'expired',
    own: extra.own,
    outcomeBadge: outcomeBadge(view.outcome),
    error: extra.error,
    errors: errorsByPath(extra.errors),
    text: extra.text ?? '',
  };
}

function debriefTurn(turn: DebriefTurn): object {
  return {
    ...turn,
    number: turn.turnIndex + 1,
    score: points(turn.overall),
    segments: turn.segments.map((segment) => ({
      ...segment,
      title: segment.notes.join('\n'),
    })),
    marked: turn.segments.filter((segment) => segment.effect !== null),
    dimensions: turn.dimensions.map((item) => ({ ...item, score: points(item.score) })),
    angerChange: turn.angerAfter - turn.angerBefore,
    moodBadge: MOOD_BADGE[turn.moodAfter],
  };
}

/** The debrief: verdict, transcript with highlighted spans, per-turn scores next to the model answer. */
export function debriefModel(
  view: DebriefView,
  extra: { own: boolean; userName?: string } & ReviewContext,
): object {
  const { debrief } = view;
  return {
    title: `${view.title} · debrief`,
    view,
    debrief,
    own: extra.own,
    userName: extra.userName,
    outcomeBadge: outcomeBadge(debrief.outcome),
    meanScore: points(debrief.meanScore),
    turns: debrief.turns.map((turn) => ({
      ...debriefTurn(turn),
      review: turnReviewsModel(view.sessionId, turn.turnIndex, extra),
    })),
    dimensions: debrief.dimensions.map((item) => ({ ...item, score: points(item.mean) })),
    courses: view.courses,
    reviewed: extra.reviews.length,
  };
}

/** Whose sessions the list covers, in words. */
function scopeLabel(teams: string[] | null): string {
  if (teams === null) return "Everyone's sessions.";
  if (teams.length === 0) return 'You look after no team yet, so there are no sessions to show.';
  return `Trainees of ${teams.join(', ')}.`;
}

/** Staff list of sessions with the filter form's options. */
export function staffSessionsModel(
  page: { total: number; items: StaffSessionView[]; teams: string[] | null },
  extra: {
    query: Record<string, unknown>;
    scenarios: { id: string; title: string }[];
    people: { id: string; displayName: string }[] | null;
    teams: string[];
    errors?: FieldError[];
  },
): object {
  return {
    title: 'Role-play sessions',
    personList: extra.people !== null,
    total: page.total,
    scope: scopeLabel(page.teams),
    anyTeam: page.teams === null,
    query: extra.query,
    scenarios: extra.scenarios,
    people: extra.people ?? [],
    teams: extra.teams,
    statuses: ['active', 'finished', 'expired'],
    errors: errorsByPath(extra.errors),
    sessions: page.items.map((item) => ({
      ...attempt(item),
      ...item,
      score: points(item.meanScore),
    })),
  };
}

const BAR = { width: 420, height: 24, label: 110 };

/** Per-scenario results with a small server-drawn bar chart of the weakest dimensions. */
export function resultsModel(view: ScenarioResultsView, teams: string[]): object {
  const { results } = view;
  const bars = results.weakestDimensions.map((item, index) => {
    const length = Math.round((Math.max(0, Math.min(100, item.mean)) / 100) * BAR.width);
    return {
      ...item,
      score: points(item.mean),
      y: index * (BAR.height + 8),
      textY: index * (BAR.height + 8) + BAR.height / 2 + 5,
      length,
      valueX: BAR.label + length + 6,
    };
  });
  return {
    title: `${view.title} · results`,
    view,
    results,
    teams,
    passRate: percentOf(results.passRate),
    meanScore: points(results.meanScore),
    outcomes: Object.entries(results.outcomes).map(([outcome, count]) => ({
      ...OUTCOME[outcome as OutcomeKind],
      count,
    })),
    chart: {
      bars,
      labelWidth: BAR.label,
      width: BAR.label + BAR.width + 40,
      height: Math.max(1, bars.length) * (BAR.height + 8),
      barHeight: BAR.height,
    },
    missed: results.mostMissedConcepts.map((item) => ({
      ...item,
      rate: percentOf(item.rate),
    })),
  };
}

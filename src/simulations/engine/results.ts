import type { ConceptResult, Dimension, ScoreReport } from '../../scoring/engine';
import { dimensionMeans } from './debrief';
import { OutcomeKind, OUTCOMES } from './scenario.types';

export interface SessionSummary {
  finished: boolean;
  outcome: OutcomeKind | null;
  passed: boolean | null;
  meanScore: number | null;
}

export interface ScenarioResults {
  sessions: number;
  finished: number;
  passed: number;
  /** Share of finished sessions that passed, 0–1; null before any finished. */
  passRate: number | null;
  meanScore: number | null;
  outcomes: Record<OutcomeKind, number>;
  /** The three dimensions with the lowest mean over every scored turn. */
  weakestDimensions: { dimension: Dimension; mean: number; turns: number }[];
  /** Concepts missed most often, as a share of the turns that asked for them. */
  mostMissedConcepts: { id: string; label: string; missed: number; asked: number; rate: number }[];
}

/** Aggregates one scenario's sessions and the reports of their turns for the trainer's page. */
export function scenarioResults(
  sessions: readonly SessionSummary[],
  reports: readonly Pick<ScoreReport, 'dimensions' | 'concepts'>[],
  limits = { dimensions: 3, concepts: 5 },
): ScenarioResults {
  const finished = sessions.filter((session) => session.finished);
  const passed = finished.filter((session) => session.passed === true).length;
  const scored = finished
    .map((session) => session.meanScore)
    .filter((value): value is number => value !== null);
  const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    OutcomeKind,
    number
  >;
  for (const session of finished) if (session.outcome) outcomes[session.outcome] += 1;
  return {
    sessions: sessions.length,
    finished: finished.length,
    passed,
    passRate: finished.length ? passed / finished.length : null,
    meanScore: scored.length ? scored.reduce((sum, value) => sum + value, 0) / scored.length : null,
    outcomes,
    weakestDimensions: dimensionMeans(reports).slice(0, limits.dimensions),
    mostMissedConcepts: missedConcepts(reports.flatMap((report) => report.concepts)).slice(
      0,
      limits.concepts,
    ),
  };
}

function missedConcepts(concepts: readonly ConceptResult[]): ScenarioResults['mostMissedConcepts'] {
  const tally = new Map<string, { id: string; label: string; missed: number; asked: number }>();
  for (const concept of concepts) {
    const entry = tally.get(concept.id) ?? {
      id: concept.id,
      label: concept.label,
      missed: 0,
      asked: 0,
    };
    entry.asked += 1;
    if (!concept.found) entry.missed += 1;
    tally.set(concept.id, entry);
  }
  return [...tally.values()]
    .filter((entry) => entry.missed > 0)
    .map((entry) => ({ ...entry, rate: entry.missed / entry.asked }))
    .sort((a, b) => b.rate - a.rate || b.missed - a.missed || a.id.localeCompare(b.id));
}

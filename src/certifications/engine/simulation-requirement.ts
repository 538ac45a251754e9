import { DIMENSIONS } from '../../scoring/engine';
import { SimulationRequirement } from './programme.types';
import type { LearningEvidence, RequirementOutcome } from './requirements.evaluator';
import { EPSILON, evidenceOf, round } from './evidence';

// Role-play requirements: one named scenario, or a number of different scenarios carrying a
// tag, each passed with the overall and per-dimension minimums.

export function simulationOutcome(
  requirement: SimulationRequirement,
  records: LearningEvidence[],
  scenarioTags: Readonly<Record<string, readonly string[]>>,
): RequirementOutcome {
  const inScope = (scenario: string): boolean =>
    requirement.scenario !== null
      ? scenario === requirement.scenario
      : (scenarioTags[scenario] ?? []).includes(requirement.tag ?? '');
  const candidates = records.filter(
    (record) =>
      record.activity.kind === 'simulation' &&
      record.verb === 'passed' &&
      inScope(record.activity.id),
  );
  const shortfalls: string[] = [];
  const qualifying = candidates.filter((record) => {
    const shortfall = simulationShortfall(requirement, record);
    if (shortfall) shortfalls.push(shortfall);
    return shortfall === '';
  });
  // One session per scenario: a tag requirement asks for different scenarios.
  const byScenario = new Map<string, LearningEvidence>();
  for (const record of qualifying)
    if (!byScenario.has(record.activity.id)) byScenario.set(record.activity.id, record);
  const used = [...byScenario.values()].slice(0, requirement.count);
  const met = used.length >= requirement.count;
  const what =
    requirement.scenario !== null
      ? 'pass the scenario'
      : `pass ${requirement.count - used.length} more scenario(s) tagged “${requirement.tag}”`;
  return {
    key:
      requirement.scenario !== null
        ? `simulation:${requirement.scenario}`
        : `simulation:tag:${requirement.tag}`,
    kind: 'simulation',
    target: requirement.scenario ?? requirement.tag ?? '',
    met,
    needed: requirement.count,
    done: used.length,
    missing: met
      ? ''
      : `${what}${thresholds(requirement)}${shortfalls.length ? ` (last try: ${shortfalls[shortfalls.length - 1]})` : ''}`,
    evidence: used.map(evidenceOf),
  };
}

/** Why a passed session does not count ('' when it does). */
function simulationShortfall(requirement: SimulationRequirement, record: LearningEvidence): string {
  const low: string[] = [];
  if (requirement.minimumScore !== null && (record.score ?? 0) + EPSILON < requirement.minimumScore)
    low.push(`overall ${round(record.score ?? 0)} < ${requirement.minimumScore}`);
  for (const dimension of DIMENSIONS) {
    const minimum = requirement.minimumScores[dimension];
    if (minimum === undefined) continue;
    const value = record.dimensionMeans?.[dimension];
    if (value === undefined) low.push(`${dimension} not scored`);
    else if (value + EPSILON < minimum) low.push(`${dimension} ${round(value)} < ${minimum}`);
  }
  return low.join(', ');
}

function thresholds(requirement: SimulationRequirement): string {
  const parts = [
    ...(requirement.minimumScore !== null ? [`overall ${requirement.minimumScore}`] : []),
    ...DIMENSIONS.flatMap((dimension) =>
      requirement.minimumScores[dimension] !== undefined
        ? [`${dimension} ${requirement.minimumScores[dimension]}`]
        : [],
    ),
  ];
  return parts.length ? ` with at least ${parts.join(', ')}` : '';
}

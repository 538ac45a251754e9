import { DimensionMinimums, ExamRequirement, RequirementSet } from './programme.types';
import { EPSILON, evidenceOf, round } from './evidence';
import { simulationOutcome } from './simulation-requirement';

/** One learning record as the evaluator needs it (the adapter reads it out of the xAPI row). */
export interface LearningEvidence {
  recordId: string;
  activity: { kind: 'course' | 'exam' | 'simulation'; id: string; name: string };
  verb: 'completed' | 'passed' | 'failed';
  /** The attempt or session; a later verdict on the same registration replaces an earlier one. */
  registration: string | null;
  occurredAt: Date;
  /** 0–100, from the record's scaled score. */
  score: number | null;
  dimensionMeans: DimensionMinimums | null;
}

export interface SignOffEvidence {
  signOffId: string;
  supervisorId: string;
  supervisorName: string;
  signedAt: Date;
  ticked: string[];
}

export interface EvidenceItem {
  recordId: string | null;
  signOffId: string | null;
  kind: 'course' | 'exam' | 'simulation' | 'sign-off';
  activityId: string;
  name: string;
  occurredAt: Date;
  score: number | null;
}

export type RequirementKind = 'course' | 'exam' | 'simulation' | 'sign-off';

export interface RequirementOutcome {
  /** Stable within a programme: `course:service-principles`, `simulation:tag:complaint`… */
  key: string;
  kind: RequirementKind;
  /** The course, exam, scenario, tag or checklist title the requirement names. */
  target: string;
  met: boolean;
  needed: number;
  done: number;
  /** What still stands between the person and this requirement (empty when met). */
  missing: string;
  evidence: EvidenceItem[];
}

export interface Evaluation {
  met: boolean;
  /** When the last requirement was met (the latest evidence used); null until all are met. */
  metAt: Date | null;
  requirements: RequirementOutcome[];
}

export interface EvaluationInput {
  set: RequirementSet;
  records: readonly LearningEvidence[];
  signOffs: readonly SignOffEvidence[];
  /** Tags of every scenario, by scenario id. */
  scenarioTags: Readonly<Record<string, readonly string[]>>;
  /** Only evidence from this moment on counts (renewal window, re-earning after revocation). */
  since: Date | null;
}

/**
 * Decides which requirements of a programme a person meets, from their learning records and
 * sign-offs, and names the evidence used: for each requirement the earliest qualifying record,
 * so the result (and `metAt`) is the same whenever it is computed.
 */
export function evaluateRequirements(input: EvaluationInput): Evaluation {
  const records = finalVerdicts(
    input.records.filter((record) => !input.since || record.occurredAt >= input.since),
  );
  const outcomes: RequirementOutcome[] = [
    ...input.set.courses.map((course) => courseOutcome(course, records)),
    ...input.set.exams.map((exam) => examOutcome(exam, records)),
    ...input.set.simulations.map((simulation) =>
      simulationOutcome(simulation, records, input.scenarioTags),
    ),
  ];
  if (input.set.signOff) {
    const checklist = input.set.signOff.checklist.map((item) => item.id);
    const signOff = input.signOffs
      .filter((candidate) => !input.since || candidate.signedAt >= input.since)
      .filter((candidate) => checklist.every((id) => candidate.ticked.includes(id)))
      .sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime())[0];
    outcomes.push({
      key: 'sign-off',
      kind: 'sign-off',
      target: input.set.signOff.title,
      met: signOff !== undefined,
      needed: 1,
      done: signOff ? 1 : 0,
      missing: signOff
        ? ''
        : `a ${input.set.signOff.signedBy.join('’s or ')}’s sign-off of the observation checklist`,
      evidence: signOff
        ? [
            {
              recordId: null,
              signOffId: signOff.signOffId,
              kind: 'sign-off',
              activityId: input.set.signOff.title,
              name: `Signed by ${signOff.supervisorName}`,
              occurredAt: signOff.signedAt,
              score: null,
            },
          ]
        : [],
    });
  }
  const met = outcomes.every((outcome) => outcome.met);
  const times = outcomes.flatMap((outcome) => outcome.evidence.map((e) => e.occurredAt.getTime()));
  return {
    met,
    metAt: met && times.length ? new Date(Math.max(...times)) : null,
    requirements: outcomes,
  };
}

// A regrade or a trainer's review may turn a verdict round: only the latest verdict of each
// attempt or session stands. Completions are kept as they are.
function finalVerdicts(records: readonly LearningEvidence[]): LearningEvidence[] {
  const latest = new Map<string, LearningEvidence>();
  const kept: LearningEvidence[] = [];
  for (const record of records) {
    if (record.verb === 'completed' || record.registration === null) {
      kept.push(record);
      continue;
    }
    const key = `${record.activity.kind}:${record.activity.id}:${record.registration}`;
    const previous = latest.get(key);
    if (!previous || previous.occurredAt <= record.occurredAt) latest.set(key, record);
  }
  return [...kept, ...latest.values()].sort(
    (a, b) =>
      a.occurredAt.getTime() - b.occurredAt.getTime() || a.recordId.localeCompare(b.recordId),
  );
}

function courseOutcome(course: string, records: LearningEvidence[]): RequirementOutcome {
  const done = records.find(
    (record) =>
      record.activity.kind === 'course' &&
      record.activity.id === course &&
      record.verb === 'completed',
  );
  return {
    key: `course:${course}`,
    kind: 'course',
    target: course,
    met: done !== undefined,
    needed: 1,
    done: done ? 1 : 0,
    missing: done ? '' : 'complete the course',
    evidence: done ? [evidenceOf(done)] : [],
  };
}

function examOutcome(
  requirement: ExamRequirement,
  records: LearningEvidence[],
): RequirementOutcome {
  const verdicts = records.filter(
    (record) => record.activity.kind === 'exam' && record.activity.id === requirement.exam,
  );
  const good = verdicts.find(
    (record) =>
      record.verb === 'passed' &&
      (requirement.minimumGrade === null ||
        (record.score ?? 0) + EPSILON >= requirement.minimumGrade),
  );
  const best = Math.max(-1, ...verdicts.map((record) => record.score ?? 0));
  const grade =
    requirement.minimumGrade === null ? '' : ` with at least ${requirement.minimumGrade} %`;
  return {
    key: `exam:${requirement.exam}`,
    kind: 'exam',
    target: requirement.exam,
    met: good !== undefined,
    needed: 1,
    done: good ? 1 : 0,
    missing: good
      ? ''
      : `pass the exam${grade}${best >= 0 ? ` (best so far: ${round(best)} %)` : ''}`,
    evidence: good ? [evidenceOf(good)] : [],
  };
}

import { analyseClarity } from './clarity.analyzer';
import { analyseCompliance } from './compliance.analyzer';
import { DEFAULT_RUBRIC } from './default-rubric';
import { analyseEmpathy } from './empathy.analyzer';
import { analyseKeywords } from './keywords.analyzer';
import { analysePoliteness } from './politeness.analyzer';
import { buildReport } from './report.builder';
import { compileRubric } from './rubric.compiler';
import { analyseStructure } from './structure.analyzer';
import { tokenize } from './tokens';
import {
  Dimension,
  DIMENSIONS,
  Evidence,
  Rubric,
  RubricIssue,
  ScoreInput,
  ScoreReport,
} from './types';

/**
 * Scores trainee replies. The language model is loaded once per process when this module is
 * first imported; engines hold no state, so creating one is free.
 */
export class ScoringEngine {
  /** Scores one reply against its rubric (the default rubric when none is given). Never throws
   * on odd text: empty, huge, emoji, CJK or control characters all give a valid report. */
  score(input: ScoreInput): ScoreReport {
    const rubric = input.rubric ?? DEFAULT_RUBRIC;
    const text = typeof input.text === 'string' ? input.text : '';
    const stage = input.stage ?? rubric.stage;
    const uses = (dimension: Dimension): boolean => (rubric.weights[dimension] ?? 0) > 0;
    const compiled = compileRubric(rubric);
    const doc = tokenize(text);
    const evidence: Evidence[] = [];
    const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, null])) as Record<
      Dimension,
      number | null
    >;

    // Violations always count (and cap the overall), whether or not compliance is weighted.
    const compliance = analyseCompliance(doc, rubric, compiled);
    evidence.push(...compliance.evidence);
    if (uses('compliance')) dimensions.compliance = compliance.score;
    if (uses('politeness')) {
      const politeness = analysePoliteness(doc);
      dimensions.politeness = politeness.score;
      evidence.push(...politeness.evidence);
    }
    if (uses('empathy')) {
      const empathy = analyseEmpathy(doc, input.customerLine);
      dimensions.empathy = empathy.score;
      evidence.push(...empathy.evidence);
    }
    const keywords = analyseKeywords(doc, rubric, compiled);
    if (uses('keywords')) {
      dimensions.keywords = keywords.score;
      evidence.push(...keywords.evidence);
    }
    let missingStructure: string[] = [];
    if (uses('structure')) {
      const structure = analyseStructure(doc, stage);
      dimensions.structure = structure.score;
      missingStructure = structure.missing;
      evidence.push(...structure.evidence);
    }
    if (uses('clarity')) {
      const clarity = analyseClarity(doc, rubric, compiled);
      dimensions.clarity = clarity.score;
      evidence.push(...clarity.evidence);
    }
    // A reply without a single word earns nothing (it breaks no rule either: compliance stands).
    const empty = doc.wordCount === 0;
    if (empty) {
      for (const d of DIMENSIONS)
        if (d !== 'compliance' && dimensions[d] !== null) dimensions[d] = 0;
    }
    return buildReport({
      rubric,
      dimensions,
      evidence,
      violations: compliance.violations,
      concepts: keywords.concepts,
      missingStructure,
      empty,
    });
  }
}

/**
 * Scores every calibration example of a rubric; returns one issue per example whose overall score
 * falls outside its band (path `['calibration', i]`).
 */
export function checkCalibration(engine: ScoringEngine, rubric: Rubric): RubricIssue[] {
  const issues: RubricIssue[] = [];
  rubric.calibration.forEach((example, i) => {
    const report = engine.score({
      text: example.text,
      rubric,
      stage: example.stage ?? rubric.stage,
      customerLine: example.customerLine,
    });
    const [low, high] = example.band;
    if (report.overall < low || report.overall > high) {
      issues.push({
        path: ['calibration', i],
        reason: `overall ${report.overall} is outside band [${low}, ${high}]`,
      });
    }
  });
  return issues;
}

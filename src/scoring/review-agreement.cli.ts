// `npm run -s review-agreement < reviewed-replies.jsonl`: re-scores the replies trainers reviewed
// (the export of GET /api/simulations/reviews/export.jsonl) with the engine and rubrics of this
// checkout, and prints one JSON object: how far the engine agreed with the reviewers when the
// replies were given ("then"), how far it agrees now ("now"), and how many verdicts changed.
// Run it before and after changing a rubric or a lexicon to see what the change does to the
// agreement with the people who use the scores.
import { createInterface } from 'node:readline';
import { judgementAgreement, JudgementAgreement, Rubric, ScoringEngine } from './engine';
import { RUBRIC_DIRECTORY, loadRubricDirectory, scoreLine } from './score.cli';

interface Judgement {
  passed: boolean;
  politeness: number | null;
  empathy: number | null;
}

interface ReviewedLine {
  reviewer: { verdict: 'pass' | 'fail'; politeness: number | null; empathy: number | null };
  engine: Judgement;
}

export interface ReviewAgreementSummary {
  replies: number;
  then: JudgementAgreement;
  now: JudgementAgreement;
  /** Replies whose pass/fail the engine now judges differently. */
  changedVerdicts: number;
  /** Lines that could not be read or scored, by line number. */
  errors: { line: number; error: string }[];
}

/** Re-scores reviewed replies and compares both scorings with the reviewers. */
export function reviewAgreement(
  lines: Iterable<string>,
  options: { engine?: ScoringEngine; rubrics?: ReadonlyMap<string, Rubric> } = {},
): ReviewAgreementSummary {
  const scoring = {
    engine: options.engine ?? new ScoringEngine(),
    rubrics: options.rubrics ?? loadRubricDirectory(RUBRIC_DIRECTORY, () => undefined),
  };
  const read: { line: ReviewedLine; now: Judgement }[] = [];
  const errors: { line: number; error: string }[] = [];
  let lineNumber = 0;
  for (const text of lines) {
    lineNumber += 1;
    const result = readLine(text, lineNumber, scoring);
    if (result === null) continue;
    if ('error' in result) errors.push({ line: lineNumber, error: result.error });
    else read.push(result);
  }
  const block = (pick: (item: (typeof read)[number]) => Judgement): JudgementAgreement =>
    judgementAgreement(
      read.map((item) => {
        const { verdict, politeness, empathy } = item.line.reviewer;
        return { engine: pick(item), person: { passed: verdict === 'pass', politeness, empathy } };
      }),
    );
  return {
    replies: read.length,
    then: block((item) => item.line.engine),
    now: block((item) => item.now),
    changedVerdicts: read.filter((item) => item.line.engine.passed !== item.now.passed).length,
    errors,
  };
}

function readLine(
  text: string,
  lineNumber: number,
  scoring: { engine: ScoringEngine; rubrics: ReadonlyMap<string, Rubric> },
): { line: ReviewedLine; now: Judgement } | { error: string } | null {
  if (text.trim() === '') return null;
  let line: ReviewedLine;
  try {
    line = JSON.parse(text) as ReviewedLine;
  } catch {
    return { error: 'not valid JSON' };
  }
  const verdict = line?.reviewer?.verdict;
  if (verdict !== 'pass' && verdict !== 'fail')
    return { error: '"reviewer.verdict" must be pass or fail' };
  if (typeof line.engine?.passed !== 'boolean')
    return { error: '"engine.passed" must be true or false' };
  const scored = JSON.parse(scoreLine(text, lineNumber, scoring) ?? '{}') as {
    error?: string;
    passed: boolean;
    dimensions: Record<string, number | null>;
  };
  if (scored.error !== undefined) return { error: scored.error };
  return {
    line,
    now: {
      passed: scored.passed,
      politeness: scored.dimensions.politeness ?? null,
      empathy: scored.dimensions.empathy ?? null,
    },
  };
}

async function main(): Promise<number> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity }))
    lines.push(line);
  process.stdout.write(`${JSON.stringify(reviewAgreement(lines), null, 2)}\n`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (problem: unknown) => {
      process.stderr.write(
        `review-agreement: ${problem instanceof Error ? problem.stack : String(problem)}\n`,
      );
      process.exitCode = 1;
    },
  );
}

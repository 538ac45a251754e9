// `npm run -s score`: JSON lines in ({"id", "text", "rubric"?, "stage"?, "customerLine"?}), one
// JSON line out per input, in input order. A bad line answers {"id", "error"}; nothing else is
// printed on stdout. `--rubric FILE` (YAML or JSON) scores every line against that rubric.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';
import { DEFAULT_RUBRIC, parseRubric, Rubric, ScoringEngine, Stage, STAGES } from './engine';

export interface ScoreCliOptions {
  /** Applied to every line, whatever the line asks for. */
  rubric?: Rubric;
  /** Rubrics a line may name by id (`"rubric": "billing-complaint"`). */
  rubrics?: ReadonlyMap<string, Rubric>;
  engine?: ScoringEngine;
}

const USAGE = 'usage: score [--rubric FILE.yaml|FILE.json] < replies.jsonl > reports.jsonl\n';
/** Where the shipped rubrics live (content/rubrics at the repository root). */
export const RUBRIC_DIRECTORY = resolve(__dirname, '..', '..', 'content', 'rubrics');

/** Scores JSON lines; returns one output line per non-blank input line, in order. */
export function runScoreCli(lines: Iterable<string>, options: ScoreCliOptions = {}): string[] {
  const engine = options.engine ?? new ScoringEngine();
  const output: string[] = [];
  let lineNumber = 0;
  for (const line of lines) {
    lineNumber += 1;
    const result = scoreLine(line, lineNumber, { ...options, engine });
    if (result !== null) output.push(result);
  }
  return output;
}

/** Scores one JSON line; null for a blank line (which is skipped, not answered). */
export function scoreLine(
  line: string,
  lineNumber: number,
  options: ScoreCliOptions & { engine: ScoringEngine },
): string | null {
  if (line.trim() === '') return null;
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return error(null, `line ${lineNumber}: not valid JSON`);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return error(null, `line ${lineNumber}: expected a JSON object`);
  }
  const fields = input as Record<string, unknown>;
  const id = typeof fields.id === 'string' || typeof fields.id === 'number' ? fields.id : null;
  if (id === null) return error(null, `line ${lineNumber}: "id" must be a string or a number`);
  if (typeof fields.text !== 'string') return error(id, '"text" must be a string');
  if (fields.stage !== undefined && !STAGES.includes(fields.stage as Stage)) {
    return error(id, `"stage" must be one of: ${STAGES.join(', ')}`);
  }
  if (fields.customerLine !== undefined && typeof fields.customerLine !== 'string') {
    return error(id, '"customerLine" must be a string');
  }
  const rubric = options.rubric ?? resolveRubric(fields.rubric, options.rubrics);
  if (typeof rubric === 'string') return error(id, rubric);
  const report = options.engine.score({
    text: fields.text,
    rubric,
    stage: fields.stage as Stage | undefined,
    customerLine: fields.customerLine as string | undefined,
  });
  return JSON.stringify({
    id,
    rubricId: report.rubricId,
    overall: report.overall,
    passed: report.passed,
    dimensions: report.dimensions,
    violations: report.violations,
    evidence: report.evidence,
    concepts: report.concepts,
    tips: report.tips,
  });
}

// A rubric named by id, given inline, or the default; a string is the error to report.
function resolveRubric(value: unknown, rubrics?: ReadonlyMap<string, Rubric>): Rubric | string {
  if (value === undefined) return rubrics?.get(DEFAULT_RUBRIC.id) ?? DEFAULT_RUBRIC;
  if (typeof value === 'string') {
    const known = rubrics?.get(value) ?? (value === DEFAULT_RUBRIC.id ? DEFAULT_RUBRIC : undefined);
    if (known !== undefined) return known;
    return `unknown rubric "${value}" (known: ${[...(rubrics?.keys() ?? [DEFAULT_RUBRIC.id])].sort().join(', ')})`;
  }
  const parsed = parseRubric(value);
  if (parsed.ok) return parsed.rubric;
  return `invalid rubric: ${parsed.issues.map((issue) => `${['rubric', ...issue.path].join('.')}: ${issue.reason}`).join('; ')}`;
}

function error(id: string | number | null, message: string): string {
  return JSON.stringify({ id, error: message });
}

/** Reads and validates one rubric file (YAML or JSON); throws with every issue on failure. */
export function loadRubricFile(path: string): Rubric {
  const parsed = parseRubric(parse(readFileSync(path, 'utf8')));
  if (parsed.ok) return parsed.rubric;
  const issues = parsed.issues.map(
    (issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.reason}`,
  );
  throw new Error(`${path}: invalid rubric\n${issues.join('\n')}`);
}

/** Loads every rubric under a directory, keyed by id; reports bad files through `warn`. */
export function loadRubricDirectory(
  directory: string,
  warn: (message: string) => void,
): Map<string, Rubric> {
  const rubrics = new Map<string, Rubric>();
  if (!existsSync(directory)) return rubrics;
  for (const file of readdirSync(directory).sort()) {
    if (!/\.(ya?ml|json)$/.test(file)) continue;
    try {
      const rubric = loadRubricFile(join(directory, file));
      rubrics.set(rubric.id, rubric);
    } catch (problem) {
      warn(problem instanceof Error ? problem.message : String(problem));
    }
  }
  return rubrics;
}

async function main(argv: string[]): Promise<number> {
  const warn = (message: string): void => void process.stderr.write(`score: ${message}\n`);
  let rubric: Rubric | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--rubric' && i + 1 === argv.length) {
      warn('--rubric needs a file');
      return 2;
    }
    if (argv[i] === '--rubric') {
      try {
        rubric = loadRubricFile(argv[(i += 1)]);
      } catch (problem) {
        warn(problem instanceof Error ? problem.message : String(problem));
        return 2;
      }
    } else {
      process.stderr.write(
        argv[i] === '--help' || argv[i] === '-h'
          ? USAGE
          : `score: unknown argument ${argv[i]}\n${USAGE}`,
      );
      return argv[i] === '--help' || argv[i] === '-h' ? 0 : 2;
    }
  }
  const options = {
    rubric,
    rubrics: rubric === undefined ? loadRubricDirectory(RUBRIC_DIRECTORY, warn) : undefined,
    engine: new ScoringEngine(),
  };
  let lineNumber = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    const result = scoreLine(line, lineNumber, options);
    if (result === null) continue;
    // Respect back-pressure so a large input does not pile up in memory.
    if (!process.stdout.write(`${result}\n`))
      await new Promise((done) => process.stdout.once('drain', done));
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (problem: unknown) => {
      process.stderr.write(
        `score: ${problem instanceof Error ? problem.stack : String(problem)}\n`,
      );
      process.exitCode = 1;
    },
  );
}

import { createHash } from 'node:crypto';
import { ContentIssue } from '../content/content-issue';
import { parseYaml, YamlSource } from '../content/yaml-source';
import {
  CalibrationCheck,
  parseScenario,
  ReplyScorer,
  runCalibration,
  RubricLookup,
  Scenario,
} from './engine';

export type ParsedSource =
  | { ok: true; scenario: Scenario; source: YamlSource }
  | { ok: false; issues: ContentIssue[]; id?: string };

/**
 * The one way from YAML text to a scenario, for content files and trainer drafts alike:
 * YAML syntax, then every field and reference, each problem with its line and field path.
 */
export function parseScenarioSource(
  file: string,
  text: string,
  lookup: RubricLookup,
): ParsedSource {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const { source } = parsed;
  const result = parseScenario(source.data, lookup);
  if (!result.ok) {
    const data = source.data as { id?: unknown } | null;
    return {
      ok: false,
      issues: result.issues.map((issue) => source.issueAt(issue.path, issue.reason)),
      ...(typeof data?.id === 'string' ? { id: data.id } : {}),
    };
  }
  return { ok: true, scenario: result.scenario, source };
}

/** Every calibration example of the scenario, with the failures as issues at their lines. */
export function calibrateSource(
  scorer: ReplyScorer,
  scenario: Scenario,
  source: YamlSource,
): { checks: CalibrationCheck[]; issues: ContentIssue[] } {
  const { checks, issues } = runCalibration(scorer, scenario);
  return { checks, issues: issues.map((issue) => source.issueAt(issue.path, issue.reason)) };
}

/** What a session is pinned to: the resolved scenario (rubrics included), hashed. */
export function definitionOf(scenario: Scenario): { definition: string; hash: string } {
  const definition = JSON.stringify(scenario);
  return { definition, hash: createHash('sha256').update(definition).digest('hex') };
}

import { basename, extname } from 'node:path';
import { ContentFiles, ContentKind } from '../content/content-kind';
import { ContentIssue } from '../content/content-issue';
import { parseYaml } from '../content/yaml-source';
import { DEFAULT_RUBRIC, parseRubric, Rubric } from '../scoring/engine';
import { sharedEngine } from '../scoring/shared-engine';
import { Scenario } from './engine';
import { calibrateSource, parseScenarioSource } from './scenario-source';

/** A scenario file as loaded: the validated scenario and the text it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  source: string;
  file: string;
}

/**
 * content/scenarios/*.yaml: role-play scenarios whose id is their file name, whose rubric ids
 * name content/rubrics files, and whose calibration examples take the branch they promise.
 */
export const SCENARIOS: ContentKind<LoadedScenario> = {
  key: 'scenarios',
  load(files) {
    const items: LoadedScenario[] = [];
    const issues: ContentIssue[] = [];
    const rubrics = rubricIndex(files);
    for (const file of files.list('scenarios', ['.yaml', '.yml'])) {
      const shown = files.display(file);
      const text = files.read(file);
      const parsed = parseScenarioSource(shown, text, (id) => rubrics.get(id));
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const expectedId = basename(file, extname(file));
      if (parsed.scenario.id !== expectedId) {
        issues.push(
          parsed.source.issueAt(['id'], `the id must match the file name ("${expectedId}")`),
        );
        continue;
      }
      issues.push(...calibrateSource(sharedEngine(), parsed.scenario, parsed.source).issues);
      items.push({ scenario: parsed.scenario, source: text, file: shown });
    }
    return { items, issues };
  },
};

// Rubric ids a scenario may name. Broken rubric files are left out here: the rubrics kind
// reports them, and a scenario naming one is reported as naming an unknown rubric.
function rubricIndex(files: ContentFiles): Map<string, Rubric> {
  const index = new Map<string, Rubric>([[DEFAULT_RUBRIC.id, DEFAULT_RUBRIC]]);
  for (const file of files.list('rubrics', ['.yaml', '.yml'])) {
    const parsed = parseYaml(files.display(file), files.read(file));
    if (!parsed.ok) continue;
    const result = parseRubric(parsed.source.data);
    if (result.ok) index.set(result.rubric.id, result.rubric);
  }
  return index;
}

import { basename, extname } from 'node:path';
import { ContentIssue } from '../content/content-issue';
import { ContentKind } from '../content/content-kind';
import { parseYaml, YamlSource } from '../content/yaml-source';
import { COURSES } from '../courses/course-content.kind';
import { EXAMS } from '../exams/exam-content.kind';
import { SCENARIOS } from '../simulations/scenario-content.kind';
import { inAppReferenceIssue } from '../content/in-app-reference';
import { parseProgramme, Path, Programme, RequirementSet } from './engine';

export const PROGRAMMES_FOLDER = 'programmes';
const sources = new WeakMap<Programme, YamlSource>();

/**
 * content/programmes/<id>.yaml: certification programmes. Once everything is loaded, every
 * course, exam and scenario they name must exist, and a tag must be carried by enough scenarios.
 */
export const PROGRAMMES: ContentKind<Programme> = {
  key: 'programmes',
  load(files) {
    const items: Programme[] = [];
    const issues: ContentIssue[] = [];
    for (const file of files.list(PROGRAMMES_FOLDER, ['.yaml', '.yml'])) {
      const parsed = parseYaml(files.display(file), files.read(file));
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const { source } = parsed;
      const result = parseProgramme(source.data);
      if (!result.ok) {
        issues.push(...result.issues.map((issue) => source.issueAt(issue.path, issue.reason)));
        continue;
      }
      const expectedId = basename(file, extname(file));
      if (result.programme.id !== expectedId) {
        issues.push(source.issueAt(['id'], `the id must match the file name ("${expectedId}")`));
        continue;
      }
      sources.set(result.programme, source);
      items.push(result.programme);
    }
    return { items, issues };
  },
  crossCheck(catalogue, programmes) {
    // A kind that was not loaded (a partial catalogue, as in tests) is not checked against.
    const loaded = catalogue.counts();
    const courses = new Set(catalogue.get(COURSES).map((course) => course.id));
    const exams = new Set(catalogue.get(EXAMS).map((exam) => exam.id));
    const scenarios = catalogue.get(SCENARIOS).map((loaded) => loaded.scenario);
    const scenarioIds = new Set(scenarios.map((scenario) => scenario.id));
    const issues: ContentIssue[] = [];
    for (const programme of programmes) {
      const source = sources.get(programme);
      const at = (path: Path, reason: string): ContentIssue =>
        source ? source.issueAt(path, reason) : { file: programme.id, reason };
      const check = (set: RequirementSet, root: string): void => {
        set.courses.forEach((course, i) => {
          if (loaded[COURSES.key] !== undefined && !courses.has(course))
            issues.push(at([root, 'courses', i], `no course "${course}" in content/courses`));
        });
        set.exams.forEach((exam, i) => {
          if (loaded[EXAMS.key] === undefined) return;
          const issue = inAppReferenceIssue('exam', exam.exam, exam.writtenInApp, exams);
          if (issue) issues.push(at([root, 'exams', i], issue));
        });
        set.simulations.forEach((simulation, i) => {
          if (loaded[SCENARIOS.key] === undefined) return;
          const path = [root, 'simulations', i];
          const issue =
            simulation.scenario === null
              ? null
              : inAppReferenceIssue(
                  'scenario',
                  simulation.scenario,
                  simulation.writtenInApp,
                  scenarioIds,
                );
          if (issue) issues.push(at([...path, 'scenario'], issue));
          if (simulation.tag !== null) {
            const tagged = scenarios.filter((s) => s.tags.includes(simulation.tag ?? '')).length;
            if (tagged < simulation.count)
              issues.push(
                at(
                  [...path, 'tag'],
                  `asks for ${simulation.count} scenario(s) tagged "${simulation.tag}" but content/scenarios has ${tagged}`,
                ),
              );
          }
        });
      };
      check(programme.requirements, 'requirements');
      if (programme.renewal !== programme.requirements) check(programme.renewal, 'renewal');
    }
    return issues;
  },
};
